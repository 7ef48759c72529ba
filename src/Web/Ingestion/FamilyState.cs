using NetView.Core.Iptables;
using NetView.Core.Wire;

namespace NetView.Web.Ingestion;

/// <summary>
/// What the server holds for one node and family: the current rule set, the absolute counters of
/// its slots, where the frame sequence stands, and the snapshot transfer in progress. Guarded by
/// the owning <see cref="NodeState"/>'s lock.
/// </summary>
internal sealed class FamilyState(IpFamily family, SnapshotAssembler assembler)
{
    /// <summary>Counter frames for a hash the server does not hold yet, replayed when its snapshot arrives.</summary>
    public const int MaxPendingFrames = 64;

    public IpFamily Family { get; } = family;

    public SnapshotAssembler Assembler { get; } = assembler;

    public AnalyzedRuleSet? Current { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public RuleCounters Counters { get; set; } = new();

    /// <summary>True once counters are known, so the next frame's increase is a real interval.</summary>
    public bool HasBaseline { get; set; }

    public long Sequence { get; set; } = -1;

    public DateTimeOffset? CounterTimestamp { get; set; }

    /// <summary>The length of the tick being applied (a tick may come as several frames over slot ranges).</summary>
    public TimeSpan TickInterval { get; set; }

    /// <summary>True while the tick being applied only sets the baseline (a keyframe with nothing to compare against).</summary>
    public bool TickIsBaseline { get; set; }

    /// <summary>One past the last slot the tick being applied has covered so far.</summary>
    public int TickSlotEnd { get; set; }

    public Queue<CounterFrame> Pending { get; } = new();

    /// <summary>The hash whose text the store holds for this node and family.</summary>
    public string? StoredHash { get; set; }

    /// <summary>True when counters changed since the store last saved them.</summary>
    public bool CountersDirty { get; set; }
}
