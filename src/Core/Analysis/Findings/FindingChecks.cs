using NetView.Core.Iptables;
using NetView.Core.KubeProxy;

namespace NetView.Core.Analysis.Findings;

/// <summary>Runs every rule-set check of the analyzer and returns the findings, most severe first.</summary>
public static class FindingChecks
{
    /// <param name="clusterCidr">The pod network kube-proxy masquerades around, when known; traces from a pod start in it.</param>
    public static IReadOnlyList<Finding> Run(RuleSet ruleSet, IReadOnlyList<ServicePort> servicePorts, string? clusterCidr = null) =>
        Run(ruleSet, servicePorts, clusterCidr, null, ruleSet.RuleCount >= ParallelFrom);

    /// <param name="walk">What the analyzer read on its walk (cascades judged, endpoint DNATs); without it the checks read it here.</param>
    /// <param name="parallel">Whether the rule-set-wide checks run side by side (big dumps; see <see cref="ParallelFrom"/>).</param>
    internal static IReadOnlyList<Finding> Run(RuleSet ruleSet, IReadOnlyList<ServicePort> servicePorts, string? clusterCidr,
        WalkFacts? walk, bool parallel) =>
        Run(ruleSet, servicePorts, clusterCidr, walk, RuleSetChecks.Start(ruleSet, parallel));

    /// <param name="ruleSetChecks">The checks that need no service ports, started before the analyzer's walk.</param>
    internal static IReadOnlyList<Finding> Run(RuleSet ruleSet, IReadOnlyList<ServicePort> servicePorts, string? clusterCidr,
        WalkFacts? walk, RuleSetChecks ruleSetChecks)
    {
        // Chain names hash every endpoint chain: on a big dump that runs beside the checks below.
        // Each check that runs elsewhere fills its own sink, absorbed where it stands in this order.
        var chainNames = ruleSetChecks.Parallel ? Task.Run(() => ChainNames(ruleSet, servicePorts, walk)) : null;
        var sink = new FindingSink();
        NoEndpointsCheck.Run(servicePorts, sink);
        ProbabilityMismatchCheck.Run(ruleSet, servicePorts, sink, walk?.Cascades);
        EndpointCommentMismatchCheck.Run(servicePorts, sink);
        // What comes after the rule-set-wide checks in the order, collected apart until they are in.
        var later = new FindingSink();
        LargeRuleSetCheck.Run(ruleSet, later);
        UnparsedLineCheck.Run(ruleSet, later);
        UnevenObservedSplitCheck.Run(servicePorts, later);
        if (servicePorts.Count > 0 && !MayBeExcerpt(ruleSet) && ServicePortProbe.EntersKubeServices(ruleSet))
        {
            var probe = new ServicePortProbe(ruleSet, clusterCidr);
            ShadowedServiceCheck.Run(servicePorts, probe, later);
            ServiceUnreachableCheck.Run(servicePorts, probe, later);
            SourceNotPreservedCheck.Run(servicePorts, probe, later);
            LoadBalancerSourceRangesCheck.Run(servicePorts, probe, later);
        }

        sink.Absorb(chainNames is null ? ChainNames(ruleSet, servicePorts, walk) : chainNames.GetAwaiter().GetResult());
        sink.Absorb(ruleSetChecks.Finish());
        sink.Absorb(later);
        return sink.ToList();
    }

    /// <summary>From this many rules on, the rule-set-wide checks run side by side.</summary>
    internal const int ParallelFrom = 20_000;

    private static FindingSink ChainNames(RuleSet ruleSet, IReadOnlyList<ServicePort> servicePorts, WalkFacts? walk)
    {
        var sink = new FindingSink();
        ChainNameCheck.Run(ruleSet, servicePorts, walk?.EndpointDnats, sink);
        return sink;
    }

    /// <summary>
    /// True when the input may be an excerpt (<c>iptables -S CHAIN</c>, <c>-L</c>, a grep):
    /// a chain missing from it may well exist on the node, so such findings are only info.
    /// </summary>
    internal static bool MayBeExcerpt(RuleSet ruleSet) =>
        ruleSet.Format is InputFormat.Fragment or InputFormat.RuleSpecs or InputFormat.Listing;
}
