using System.Net;
using NetView.Core.Iptables;

namespace NetView.Core.Analysis.Tracing;

/// <summary>One place in a user-chain call stack: the chain and the next rule to look at.</summary>
internal readonly record struct Frame(Chain Chain, int Index);

/// <summary>A hook to walk: a table's built-in chain, or the routing decision between hooks.</summary>
internal sealed record HookStep(string Table, string Chain)
{
    public const string RoutingTable = "routing";

    public static readonly HookStep Routing = new(RoutingTable, "");

    public bool IsRouting => Table == RoutingTable;
}

/// <summary>What a branch assumes about ClientIP session affinity (<c>-m recent</c>).</summary>
internal enum AffinityAssumption
{
    Undecided,
    FirstConnection,
    Returning,
}

/// <summary>
/// One branch of a trace: the packet as the rules have rewritten it so far, where the walk is,
/// what it assumed, and the probability of getting here. Immutable: a split copies the record and
/// shares the trails.
/// </summary>
internal sealed record PacketState
{
    public required IPAddress Source { get; init; }
    public required IPAddress Destination { get; init; }
    public required int SourcePort { get; init; }
    public required int DestinationPort { get; init; }
    public required string Protocol { get; init; }
    public required IPAddress OriginalSource { get; init; }
    public required IPAddress OriginalDestination { get; init; }
    public required int OriginalDestinationPort { get; init; }
    public string? InInterface { get; init; }
    public string? OutInterface { get; init; }
    public uint Mark { get; init; }
    public uint ConnMark { get; init; }
    public bool Dnat { get; init; }
    public bool Snat { get; init; }
    public bool Masquerade { get; init; }
    public bool Untracked { get; init; }
    public AffinityAssumption Affinity { get; init; }
    public string? SeenByList { get; init; }
    public Trail<string>? RecentLists { get; init; }
    public required IReadOnlyList<HookStep> Hooks { get; init; }
    public int HookIndex { get; init; }
    public Trail<Frame>? Frames { get; init; }
    public Trail<Rule>? Path { get; init; }
    public Trail<string>? Notes { get; init; }
    public double Probability { get; init; } = 1;

    /// <summary>True when a filter rule accepted the packet, false when only policies let it through.</summary>
    public bool AcceptedByRule { get; init; }

    public PacketState Note(string note) => Trail<string>.Contains(Notes, n => n == note) ? this : this with { Notes = Trail<string>.Push(Notes, note) };

    public PacketState Weighted(double factor) => this with { Probability = Probability * factor };

    public bool InRecentList(string name) => Trail<string>.Contains(RecentLists, n => n == name);
}
