using System.IO.Compression;
using System.Security.Cryptography;
using NetView.Core.Iptables;

namespace NetView.Core.Wire;

/// <summary>
/// Turns the rule text of one family (counters removed, see <see cref="SaveCountersScanner"/>)
/// into a <see cref="RuleSetSnapshot"/>: content hash, Brotli-compressed text, chunks. Rule text
/// repeats itself heavily (chain names, comments, option names), so it compresses far below
/// the dump size.
/// </summary>
public static class SnapshotEncoder
{
    /// <summary>The only compression so far: Brotli from the BCL.</summary>
    public const string Brotli = "br";

    /// <summary>
    /// Chunk data size: well below SignalR's default 32 KB receive limit even with the frame's
    /// own fields, so a server that has not raised the limit still takes the chunks.
    /// </summary>
    public const int DefaultChunkBytes = 16 * 1024;

    /// <summary>
    /// Brotli quality 6 with a 16 MiB window: on a 100,000-rule kube-proxy text it is 9.5× smaller
    /// than the dump (quality 5: 7.8×; 7: 10.4× for more time), and a snapshot is made only
    /// when rules change. The large window finds the repeats of chain names far apart.
    /// </summary>
    private const int Quality = 6;
    private const int Window = 24;

    /// <summary>Lower-case hex SHA-256 of the rule text.</summary>
    public static string Hash(ReadOnlySpan<byte> ruleText) => Convert.ToHexStringLower(SHA256.HashData(ruleText));

    /// <summary>Counts the rule lines (<c>-A</c>), i.e. the counter slots, of a rule text.</summary>
    public static int CountRules(ReadOnlySpan<byte> ruleText)
    {
        var count = ruleText.StartsWith("-A "u8) ? 1 : 0;
        return count + ruleText.Count("\n-A "u8);
    }

    public static RuleSetSnapshot Encode(IpFamily family, string backend, ReadOnlySpan<byte> ruleText) =>
        Encode(family, backend, ruleText, Hash(ruleText), CountRules(ruleText));

    /// <summary>Encodes with a hash and rule count the caller already has (the agent hashes before it compresses).</summary>
    public static RuleSetSnapshot Encode(IpFamily family, string backend, ReadOnlySpan<byte> ruleText, string hash, int ruleCount)
    {
        var compressed = new byte[BrotliEncoder.GetMaxCompressedLength(ruleText.Length)];
        if (!BrotliEncoder.TryCompress(ruleText, compressed, out var written, Quality, Window))
        {
            throw new InvalidOperationException("Brotli could not compress into its own maximum compressed length.");
        }

        Array.Resize(ref compressed, written);
        return new RuleSetSnapshot(family, backend, hash, ruleCount, ruleText.Length, compressed);
    }
}
