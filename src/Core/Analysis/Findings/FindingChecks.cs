using NetView.Core.Iptables;
using NetView.Core.KubeProxy;

namespace NetView.Core.Analysis.Findings;

/// <summary>Runs every rule-set check of the analyzer and returns the findings, most severe first.</summary>
public static class FindingChecks
{
    /// <param name="clusterCidr">The pod network kube-proxy masquerades around, when known; traces from a pod start in it.</param>
    public static IReadOnlyList<Finding> Run(RuleSet ruleSet, IReadOnlyList<ServicePort> servicePorts, string? clusterCidr = null) =>
        Run(ruleSet, servicePorts, clusterCidr, null, ruleSet.RuleCount >= ParallelFrom);

    /// <param name="cascades">The cascades the analyzer judged while reading them; the others are read here.</param>
    /// <param name="parallel">Whether the rule-set-wide checks run side by side (big dumps; see <see cref="ParallelFrom"/>).</param>
    internal static IReadOnlyList<Finding> Run(RuleSet ruleSet, IReadOnlyList<ServicePort> servicePorts, string? clusterCidr,
        CascadeVerdicts? cascades, bool parallel)
    {
        var sink = new FindingSink();
        NoEndpointsCheck.Run(servicePorts, sink);
        ProbabilityMismatchCheck.Run(ruleSet, servicePorts, sink, cascades);
        EndpointCommentMismatchCheck.Run(servicePorts, sink);
        RunRuleSetChecks(ruleSet, servicePorts, sink, parallel);
        LargeRuleSetCheck.Run(ruleSet, sink);
        UnparsedLineCheck.Run(ruleSet, sink);
        UnevenObservedSplitCheck.Run(servicePorts, sink);
        if (servicePorts.Count > 0 && !MayBeExcerpt(ruleSet) && ServicePortProbe.EntersKubeServices(ruleSet))
        {
            var probe = new ServicePortProbe(ruleSet, clusterCidr);
            ShadowedServiceCheck.Run(servicePorts, probe, sink);
            ServiceUnreachableCheck.Run(servicePorts, probe, sink);
            SourceNotPreservedCheck.Run(servicePorts, probe, sink);
            LoadBalancerSourceRangesCheck.Run(servicePorts, probe, sink);
        }
        return sink.ToList();
    }

    /// <summary>From this many rules on, the rule-set-wide checks run side by side.</summary>
    internal const int ParallelFrom = 20_000;

    /// <summary>
    /// The checks that read every rule or hash every endpoint chain. They only read the rule set, so
    /// on a big dump they run side by side, each into its own sink, merged in this fixed order.
    /// </summary>
    private static void RunRuleSetChecks(RuleSet ruleSet, IReadOnlyList<ServicePort> servicePorts, FindingSink sink, bool parallel)
    {
        Action<FindingSink>[] checks =
        [
            s => ChainNameCheck.Run(ruleSet, servicePorts, s),
            s => DuplicateRuleCheck.Run(ruleSet, s),
            s => DanglingJumpCheck.Run(ruleSet, s),
            s => OrphanChainCheck.Run(ruleSet, s),
        ];
        if (!parallel)
        {
            foreach (var check in checks)
            {
                check(sink);
            }

            return;
        }

        var sinks = new FindingSink[checks.Length];
        Parallel.For(0, checks.Length, i => checks[i](sinks[i] = new FindingSink()));
        foreach (var each in sinks)
        {
            sink.Absorb(each);
        }
    }

    /// <summary>
    /// True when the input may be an excerpt (<c>iptables -S CHAIN</c>, <c>-L</c>, a grep):
    /// a chain missing from it may well exist on the node, so such findings are only info.
    /// </summary>
    internal static bool MayBeExcerpt(RuleSet ruleSet) =>
        ruleSet.Format is InputFormat.Fragment or InputFormat.RuleSpecs or InputFormat.Listing;
}
