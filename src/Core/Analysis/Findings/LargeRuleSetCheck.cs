using NetView.Core.Iptables;

namespace NetView.Core.Analysis.Findings;

/// <summary>
/// A rule set big enough that reading and rewriting it costs real time: iptables-save needs
/// seconds on nf_tables past ~100,000 rules, and every new connection walks KUBE-SERVICES.
/// </summary>
public static class LargeRuleSetCheck
{
    /// <summary>From here the size is worth knowing.</summary>
    public const int LargeRules = 20_000;

    /// <summary>From here reading and syncing take seconds; nftables or IPVS mode scale better.</summary>
    public const int VeryLargeRules = 100_000;

    internal static void Run(RuleSet ruleSet, FindingSink sink)
    {
        var rules = ruleSet.RuleCount;
        if (rules < LargeRules)
        {
            return;
        }

        Chain? biggest = null;
        foreach (var table in ruleSet.Tables)
        {
            foreach (var chain in table.Chains)
            {
                if (biggest is null || chain.Rules.Count > biggest.Rules.Count)
                {
                    biggest = chain;
                }
            }
        }

        var severity = rules >= VeryLargeRules ? FindingSeverity.Warning : FindingSeverity.Info;
        sink.Add(new Finding(FindingCodes.LargeRuleSet, severity, "rules",
            $"{rules:N0} rules; the longest chain is {biggest} with {biggest?.Rules.Count:N0}.",
            [],
            severity == FindingSeverity.Warning
                ? "Reading these rules takes seconds (more on nf_tables); consider kube-proxy's nftables or IPVS mode."
                : null));
    }
}
