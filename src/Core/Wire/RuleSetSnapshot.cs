using NetView.Core.Iptables;

namespace NetView.Core.Wire;

/// <summary>
/// An encoded rule set of one family: what <see cref="SnapshotEncoder"/> made and what
/// <see cref="SnapshotAssembler"/> gives back. <see cref="Compressed"/> is Brotli.
/// </summary>
public sealed record RuleSetSnapshot(
    IpFamily Family, string Backend, string Hash, int RuleCount, int TextLength, byte[] Compressed)
{
    /// <summary>The frames to send, each carrying at most <paramref name="maxChunkBytes"/> bytes of data.</summary>
    public IReadOnlyList<RuleSetSnapshotChunk> ToChunks(int maxChunkBytes = SnapshotEncoder.DefaultChunkBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChunkBytes, 1);
        var count = Math.Max(1, (Compressed.Length + maxChunkBytes - 1) / maxChunkBytes);
        var chunks = new RuleSetSnapshotChunk[count];
        for (var index = 0; index < count; index++)
        {
            var start = index * maxChunkBytes;
            var data = Compressed.AsSpan(start, Math.Min(maxChunkBytes, Compressed.Length - start)).ToArray();
            chunks[index] = new RuleSetSnapshotChunk(
                WireVersion.Current, Family, Hash, Backend, RuleCount, TextLength, SnapshotEncoder.Brotli, index, count, data);
        }

        return chunks;
    }
}
