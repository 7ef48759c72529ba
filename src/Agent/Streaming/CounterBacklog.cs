using NetView.Core.Wire;

namespace NetView.Agent.Streaming;

/// <summary>
/// Counter frames waiting to be sent, in order, and the snapshots they refer to. While the
/// server is unreachable frames pile up here so that its history has no holes once the agent is
/// back; beyond <see cref="Capacity"/> frames (or <see cref="MaxBytes"/>) the oldest are dropped,
/// and so are frames whose snapshot was evicted, because the server could not place them.
/// Accessed only from the agent's loop.
/// </summary>
internal sealed class CounterBacklog(int capacity = CounterBacklog.DefaultCapacity, long maxBytes = CounterBacklog.DefaultMaxBytes, int maxSnapshots = CounterBacklog.DefaultMaxSnapshots)
{
    /// <summary>Fifteen minutes of both families at one frame per second.</summary>
    public const int DefaultCapacity = 2 * 15 * 60;

    public const long DefaultMaxBytes = 64L * 1024 * 1024;

    /// <summary>Rule sets rarely change; a few per family covers a long outage.</summary>
    public const int DefaultMaxSnapshots = 8;

    private readonly LinkedList<CounterFrame> _frames = new();
    private readonly LinkedList<RuleSetSnapshot> _snapshots = new();
    private long _bytes;

    public int Capacity => capacity;
    public long MaxBytes => maxBytes;
    public int Count => _frames.Count;

    /// <summary>Frames dropped since the start, for the log.</summary>
    public long Dropped { get; private set; }

    public void AddSnapshot(RuleSetSnapshot snapshot)
    {
        if (Snapshot(snapshot.Hash) is not null)
        {
            return;
        }

        _snapshots.AddLast(snapshot);
        while (_snapshots.Count > maxSnapshots)
        {
            _snapshots.RemoveFirst();
        }
    }

    /// <summary>A kept snapshot by hash, or null.</summary>
    public RuleSetSnapshot? Snapshot(string hash)
    {
        for (var node = _snapshots.Last; node is not null; node = node.Previous)
        {
            if (node.Value.Hash == hash)
            {
                return node.Value;
            }
        }

        return null;
    }

    public void Enqueue(CounterFrame frame)
    {
        _frames.AddLast(frame);
        _bytes += Size(frame);
        while (_frames.Count > capacity || _bytes > maxBytes)
        {
            Drop();
        }
    }

    public bool TryPeek(out CounterFrame frame)
    {
        frame = _frames.First?.Value!;
        return _frames.Count > 0;
    }

    /// <summary>Removes the first frame after it was sent.</summary>
    public void Dequeue()
    {
        _bytes -= Size(_frames.First!.Value);
        _frames.RemoveFirst();
    }

    /// <summary>Removes the first frame without sending it.</summary>
    public void Drop()
    {
        Dequeue();
        Dropped++;
    }

    private static long Size(CounterFrame frame) => frame.Payload.Length + 128;
}
