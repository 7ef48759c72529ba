using NetView.Core.Iptables;
using NetView.Core.KubeProxy;

namespace NetView.Web.ViewModels;

/// <summary>
/// One address family's rules on one node, with the time their counters were read. Counters may
/// live apart from the parsed rules (the live path keeps them per rule slot), so they are read
/// through <see cref="CountersOf"/>.
/// </summary>
public sealed record FamilyRules(IpFamily Family, RuleSet Rules, KubeProxyAnalysis Analysis, DateTimeOffset CountersAt, Func<Rule, Counters?> CountersOf)
{
    /// <summary>Rules whose counters are their own (<c>iptables-save -c</c> text).</summary>
    public static FamilyRules WithOwnCounters(RuleSet rules, KubeProxyAnalysis analysis, DateTimeOffset at) => new(rules.Family, rules, analysis, at, r => r.Counters);
}
