using NetView.Core.Iptables;

namespace NetView.Web.Ingestion;

/// <summary>
/// A node's current rule set of one family with its counters at <see cref="CounterTimestamp"/>:
/// <see cref="Counters"/>[slot] for <see cref="AnalyzedRuleSet.SlotOf"/>(rule). In the nat table
/// these are connections (a connection's first packet only), in filter packets.
/// </summary>
public sealed record NodeRuleSet(
    string Node,
    AnalyzedRuleSet RuleSet,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? CounterTimestamp,
    IReadOnlyList<Counters> Counters)
{
    public IpFamily Family => RuleSet.Family;

    /// <summary>The counters of a rule of <see cref="RuleSet"/>, or null before the first counter frame.</summary>
    public Counters? CountersOf(Rule rule) =>
        CounterTimestamp is not null && RuleSet.SlotOf(rule) is var slot and >= 0 && slot < Counters.Count ? Counters[slot] : null;
}
