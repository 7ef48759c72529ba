using NetView.Core.Iptables;

namespace NetView.Web.ViewModels;

/// <summary>One address family's rules on one node, with the time their counters were read.</summary>
public sealed record FamilyRules(IpFamily Family, RuleSet Rules, DateTimeOffset CountersAt);
