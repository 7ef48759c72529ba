using NetView.Core.Iptables;

namespace NetView.Web.ViewModels;

/// <summary>A node's rule sets, one per address family, each with its analysis and the time of its counters.</summary>
public sealed record NodeRuleSets(string Node, IReadOnlyList<FamilyRules> Families)
{
    public FamilyRules? Family(IpFamily family) => Families.FirstOrDefault(f => f.Family == family);
}
