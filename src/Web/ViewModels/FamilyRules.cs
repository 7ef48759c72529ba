using NetView.Core.Iptables;

namespace NetView.Web.ViewModels;

/// <summary>
/// One address family's rules on one node, with the time their counters were read. Counters may
/// live apart from the parsed rules (the live path keeps them per rule slot), so they are read
/// through <see cref="CountersOf"/>.
/// </summary>
public sealed record FamilyRules(IpFamily Family, RuleSet Rules, DateTimeOffset CountersAt, Func<Rule, Counters?> CountersOf)
{
    /// <summary>Rules whose counters are their own (<c>iptables-save -c</c> text).</summary>
    public static FamilyRules WithOwnCounters(RuleSet rules, DateTimeOffset at) => new(rules.Family, rules, at, r => r.Counters);
}
