using NetView.Core.Iptables;

namespace NetView.Core.Analysis.Findings;

/// <summary>
/// kube-proxy rules in both the nf_tables and the legacy iptables backend of one node. kube-proxy's
/// iptables wrapper uses the backend with more KUBE rules; the other holds leftovers that the
/// kernel still applies, which is how traffic ends up where no current rule sends it.
/// </summary>
public static class MixedBackendsCheck
{
    /// <summary>The finding for a node whose backends hold these many kube-proxy rules, or null when only one has any.</summary>
    public static Finding? Check(int nfTablesKubeRules, int legacyKubeRules)
    {
        if (nfTablesKubeRules <= 0 || legacyKubeRules <= 0)
        {
            return null;
        }

        var (used, stale, usedCount, staleCount) = nfTablesKubeRules >= legacyKubeRules
            ? ("nf_tables", "legacy", nfTablesKubeRules, legacyKubeRules)
            : ("legacy", "nf_tables", legacyKubeRules, nfTablesKubeRules);
        return new Finding(FindingCodes.MixedBackends, FindingSeverity.Warning, "backends",
            $"kube-proxy rules in both backends: {usedCount:N0} in {used} (the one kube-proxy uses) and {staleCount:N0} in {stale}, which the kernel applies too.",
            [],
            $"Remove the {stale} rules (iptables-{stale}-save shows them) once nothing else writes there.");
    }

    /// <summary>Rules in KUBE-* chains or jumping to one: what kube-proxy's wrapper counts to pick a backend.</summary>
    public static int CountKubeRules(RuleSet ruleSet)
    {
        var count = 0;
        foreach (var table in ruleSet.Tables)
        {
            foreach (var chain in table.Chains)
            {
                var own = chain.Name.StartsWith("KUBE-", StringComparison.Ordinal);
                for (var r = 0; r < chain.Rules.Count; r++)
                {
                    var rule = chain.Rules[r];
                    if (own || rule.TargetName.StartsWith("KUBE-", StringComparison.Ordinal))
                    {
                        count++;
                    }
                }
            }
        }

        return count;
    }
}
