using System.Text;
using NetView.Core.Iptables;
using NetView.Core.Wire;

namespace NetView.Web.Tests.Shared;

/// <summary>
/// Makes the frames a real agent would send for one node and family, with the Core/Wire encoders:
/// hello, snapshot chunks, and counter frames (keyframes and deltas) for counters the test sets.
/// </summary>
internal sealed class FakeAgent
{
    private readonly string[] _lines;
    private long[] _current;
    private long[]? _sent;

    public FakeAgent(string node, string rules, IpFamily family = IpFamily.IPv4)
    {
        Node = node;
        Family = family;
        Text = Encoding.UTF8.GetBytes(rules);
        Snapshot = SnapshotEncoder.Encode(family, "nf_tables", Text);
        _lines = [.. rules.Split('\n').Where(l => l.StartsWith("-A ", StringComparison.Ordinal))];
        _current = new long[_lines.Length * 2];
    }

    public string Node { get; }
    public IpFamily Family { get; }
    public byte[] Text { get; }
    public RuleSetSnapshot Snapshot { get; }
    public long Sequence { get; private set; }

    public AgentHello Hello => new(WireVersion.Current, Node, "0.1.0-test", [Family], "nf_tables", 1000, false, null);

    public IReadOnlyList<RuleSetSnapshotChunk> Chunks(int chunkBytes = SnapshotEncoder.DefaultChunkBytes) => Snapshot.ToChunks(chunkBytes);

    /// <summary>The slot of the first rule line containing all <paramref name="parts"/>.</summary>
    public int Slot(params string[] parts) =>
        Array.FindIndex(_lines, line => parts.All(p => line.Contains(p, StringComparison.Ordinal))) is var slot and >= 0
            ? slot
            : throw new ArgumentException($"no rule contains {string.Join(", ", parts)}");

    /// <summary>The slot of the DNAT rule to <paramref name="address"/> (ip:port).</summary>
    public int DnatSlot(string address) => Slot("-j DNAT", "--to-destination " + address);

    public void Count(int slot, long packets, long bytesPerPacket = 60)
    {
        _current[slot * 2] += packets;
        _current[(slot * 2) + 1] += packets * bytesPerPacket;
    }

    /// <summary>Zeroes a slot, as when kube-proxy rewrites its chain.</summary>
    public void Reset(int slot)
    {
        _current[slot * 2] = 0;
        _current[(slot * 2) + 1] = 0;
    }

    /// <summary>The next counter frame: a keyframe first (or when asked), deltas after. Asserts the tick fits one frame.</summary>
    public CounterFrame Frame(DateTimeOffset timestamp, bool keyframe = false) => Assert.Single(Frames(timestamp, keyframe));

    /// <summary>The frames of the next tick, split over slot ranges when the payload exceeds <paramref name="maxPayloadBytes"/>.</summary>
    public IReadOnlyList<CounterFrame> Frames(DateTimeOffset timestamp, bool keyframe = false, int maxPayloadBytes = CounterFrameEncoder.DefaultMaxPayloadBytes)
    {
        var frames = CounterFrameEncoder.Encode(
            Family, Snapshot.Hash, Sequence + 1, timestamp.ToUnixTimeMilliseconds(),
            keyframe || _sent is null ? null : Counters(_sent), Counters(_current),
            readMilliseconds: 5, intervalMilliseconds: 1000, maxPayloadBytes: maxPayloadBytes);
        Sequence += frames.Count;
        _sent = (long[])_current.Clone();
        return frames;
    }

    private static RuleCounters Counters(long[] values)
    {
        var counters = new RuleCounters(values.Length / 2);
        for (var i = 0; i < values.Length; i += 2)
        {
            counters.Add(values[i], values[i + 1]);
        }

        return counters;
    }
}
