using NetView.Core.Iptables;

namespace NetView.Web.Ingestion;

/// <summary>One family of a node: the rule set it runs and how current its counters are.</summary>
public sealed record FamilyStatus(IpFamily Family, string Hash, int Rules, DateTimeOffset ReceivedAt, DateTimeOffset? CounterTimestamp, long Sequence);
