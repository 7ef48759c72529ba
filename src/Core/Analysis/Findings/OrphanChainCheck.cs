using NetView.Core.Iptables;
using NetView.Core.KubeProxy;

namespace NetView.Core.Analysis.Findings;

/// <summary>
/// A kube-proxy per-service or endpoint chain nothing jumps to: left behind by a sync that did not
/// finish, by another proxy, or by hand. Harmless for traffic, but a sign the rules and kube-proxy's
/// view have drifted apart.
/// </summary>
public static class OrphanChainCheck
{
    internal static void Run(RuleSet ruleSet, FindingSink sink)
    {
        var excerpt = FindingChecks.MayBeExcerpt(ruleSet);
        foreach (var table in ruleSet.Tables)
        {
            // Only kube-proxy's chains can be orphans, so only jumps to them are kept: at most one per chain.
            var jumpedTo = new HashSet<string>(table.Chains.Count, StringComparer.Ordinal);
            foreach (var chain in table.Chains)
            {
                for (var r = 0; r < chain.Rules.Count; r++)
                {
                    ref readonly var row = ref chain.RowAt(r);
                    if (RuleRows.TargetKindOf(row) != TargetKind.None && KubeChains.KindOf(row.TargetName) != KubeChainKind.None)
                    {
                        jumpedTo.Add(row.TargetName);
                    }
                }
            }

            foreach (var chain in table.Chains)
            {
                if (KubeChains.KindOf(chain.Name) == KubeChainKind.None || jumpedTo.Contains(chain.Name)
                    || (!chain.Declared && chain.Rules.Count == 0))
                {
                    continue;
                }

                var evidence = new List<Evidence>();
                if (chain.Rules.Count > 0)
                {
                    evidence.Add(Evidence.Of(chain.Rules[0]));
                }

                var owner = chain.Rules.Count > 0 && chain.Rules[0].Comment is { } comment ? $" ({comment})" : "";
                sink.Add(excerpt
                    ? new Finding(FindingCodes.OrphanChain, FindingSeverity.Info, $"{table.Name}/{chain.Name}",
                        $"Nothing in this excerpt jumps to {table.Name}/{chain.Name}{owner}.", evidence)
                    : new Finding(FindingCodes.OrphanChain, FindingSeverity.Warning, $"{table.Name}/{chain.Name}",
                        $"Nothing jumps to {table.Name}/{chain.Name}{owner}: kube-proxy no longer uses it.", evidence,
                        "kube-proxy removes stale chains on its next full sync; if this one stays, check its logs."));
            }
        }
    }
}
