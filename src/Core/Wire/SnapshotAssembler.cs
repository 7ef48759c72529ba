using System.IO.Compression;

namespace NetView.Core.Wire;

/// <summary>
/// Joins the chunks of one node's snapshot of one family (one instance per node and family).
/// Everything from a node is untrusted: sizes are bounded before anything is allocated, the
/// text must decompress to exactly the announced length and hash to the announced hash, and a
/// bad chunk yields a reason instead of an exception. A chunk of a different hash starts a new
/// transfer, since the rules may change while a big snapshot is on its way.
/// </summary>
public sealed class SnapshotAssembler
{
    /// <summary>About 1.5 million kube-proxy rules; far past what one node's iptables-save can print in time.</summary>
    public const int DefaultMaxTextBytes = 256 * 1024 * 1024;

    public const int DefaultMaxChunkBytes = 1024 * 1024;

    /// <summary>Bounds the slot array allocated for a transfer: 65,536 chunks of 16 KiB is 1 GiB compressed.</summary>
    public const int MaxChunks = 65536;

    private readonly int _maxTextBytes;
    private readonly int _maxChunkBytes;
    private RuleSetSnapshotChunk? _first;
    private byte[]?[] _pieces = [];
    private int _received;
    private long _compressedBytes;

    public SnapshotAssembler(int maxTextBytes = DefaultMaxTextBytes, int maxChunkBytes = DefaultMaxChunkBytes)
    {
        _maxTextBytes = maxTextBytes;
        _maxChunkBytes = maxChunkBytes;
    }

    /// <summary>The hash of the transfer in progress, or null.</summary>
    public string? PendingHash => _first?.Hash;

    public SnapshotAssembly Add(RuleSetSnapshotChunk? chunk)
    {
        var problem = Check(chunk);
        if (problem is not null)
        {
            Clear();
            return SnapshotAssembly.Rejected(problem);
        }

        if (_first is null || !SameTransfer(_first, chunk!))
        {
            Clear();
            _first = chunk;
            _pieces = new byte[]?[chunk!.Count];
        }

        if (_pieces[chunk!.Index] is null)
        {
            _received++;
            _compressedBytes += chunk.Data.Length;
        }

        _pieces[chunk.Index] = chunk.Data;
        if (_compressedBytes > _maxTextBytes)
        {
            Clear();
            return SnapshotAssembly.Rejected($"snapshot {chunk.Hash}: compressed data is larger than the {_maxTextBytes}-byte limit");
        }

        return _received < _pieces.Length ? SnapshotAssembly.Incomplete : Complete();
    }

    private SnapshotAssembly Complete()
    {
        var first = _first!;
        var compressed = new byte[_compressedBytes];
        var offset = 0;
        foreach (var piece in _pieces)
        {
            piece!.CopyTo(compressed, offset);
            offset += piece.Length;
        }

        Clear();
        var text = new byte[first.TextLength];
        if (!BrotliDecoder.TryDecompress(compressed, text, out var written) || written != first.TextLength)
        {
            return SnapshotAssembly.Rejected($"snapshot {first.Hash}: data does not decompress to the announced {first.TextLength} bytes");
        }

        var hash = SnapshotEncoder.Hash(text);
        if (hash != first.Hash)
        {
            return SnapshotAssembly.Rejected($"snapshot {first.Hash}: the text hashes to {hash}");
        }

        var rules = SnapshotEncoder.CountRules(text);
        if (rules != first.RuleCount)
        {
            return SnapshotAssembly.Rejected($"snapshot {first.Hash}: ruleCount says {first.RuleCount} but the text has {rules} rules");
        }

        var snapshot = new RuleSetSnapshot(first.Family, first.Backend, first.Hash, first.RuleCount, first.TextLength, compressed);
        return new SnapshotAssembly(SnapshotAssemblyState.Complete, snapshot, text);
    }

    private string? Check(RuleSetSnapshotChunk? chunk)
    {
        if (chunk is null)
        {
            return "snapshot chunk is missing";
        }

        if (chunk.Version != WireVersion.Current)
        {
            return $"snapshot chunk: version {chunk.Version} is not supported (expected {WireVersion.Current})";
        }

        if (chunk.Hash is not { Length: 64 } || !chunk.Hash.All(char.IsAsciiHexDigitLower))
        {
            return "snapshot chunk: hash is not 64 lower-case hex digits";
        }

        if (chunk.Compression != SnapshotEncoder.Brotli)
        {
            return $"snapshot {chunk.Hash}: compression '{chunk.Compression}' is not supported";
        }

        if (chunk.TextLength < 0 || chunk.TextLength > _maxTextBytes)
        {
            return $"snapshot {chunk.Hash}: textLength {chunk.TextLength} is outside 0..{_maxTextBytes}";
        }

        if (chunk.RuleCount < 0 || chunk.RuleCount > chunk.TextLength / 3)
        {
            return $"snapshot {chunk.Hash}: ruleCount {chunk.RuleCount} does not fit a text of {chunk.TextLength} bytes";
        }

        if (chunk.Count < 1 || chunk.Count > MaxChunks)
        {
            return $"snapshot {chunk.Hash}: count {chunk.Count} is out of range";
        }

        if (chunk.Index < 0 || chunk.Index >= chunk.Count)
        {
            return $"snapshot {chunk.Hash}: index {chunk.Index} is outside 0..{chunk.Count - 1}";
        }

        if (chunk.Data is null || chunk.Data.Length > _maxChunkBytes)
        {
            return $"snapshot {chunk.Hash}: chunk {chunk.Index} data is missing or over {_maxChunkBytes} bytes";
        }

        return chunk.Backend is null ? $"snapshot {chunk.Hash}: backend is missing" : null;
    }

    private static bool SameTransfer(RuleSetSnapshotChunk a, RuleSetSnapshotChunk b) =>
        a.Hash == b.Hash && a.Count == b.Count && a.TextLength == b.TextLength && a.RuleCount == b.RuleCount
        && a.Family == b.Family && a.Backend == b.Backend;

    private void Clear()
    {
        _first = null;
        _pieces = [];
        _received = 0;
        _compressedBytes = 0;
    }
}
