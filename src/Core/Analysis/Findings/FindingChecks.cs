using NetView.Core.Iptables;
using NetView.Core.KubeProxy;

namespace NetView.Core.Analysis.Findings;

/// <summary>Runs every rule-set check of the analyzer and returns the findings, most severe first.</summary>
public static class FindingChecks
{
    /// <param name="clusterCidr">The pod network kube-proxy masquerades around, when known; traces from a pod start in it.</param>
    public static IReadOnlyList<Finding> Run(RuleSet ruleSet, IReadOnlyList<ServicePort> servicePorts, string? clusterCidr = null) =>
        Run(ruleSet, servicePorts, clusterCidr, null);

    /// <param name="cascades">The cascades the analyzer judged while reading them; the others are read here.</param>
    internal static IReadOnlyList<Finding> Run(RuleSet ruleSet, IReadOnlyList<ServicePort> servicePorts, string? clusterCidr, CascadeVerdicts? cascades)
    {
        var sink = new FindingSink();
        NoEndpointsCheck.Run(servicePorts, sink);
        ProbabilityMismatchCheck.Run(ruleSet, servicePorts, sink, cascades);
        EndpointCommentMismatchCheck.Run(servicePorts, sink);
        ChainNameCheck.Run(ruleSet, servicePorts, sink);
        DuplicateRuleCheck.Run(ruleSet, sink);
        DanglingJumpCheck.Run(ruleSet, sink);
        OrphanChainCheck.Run(ruleSet, sink);
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

    /// <summary>
    /// True when the input may be an excerpt (<c>iptables -S CHAIN</c>, <c>-L</c>, a grep):
    /// a chain missing from it may well exist on the node, so such findings are only info.
    /// </summary>
    internal static bool MayBeExcerpt(RuleSet ruleSet) =>
        ruleSet.Format is InputFormat.Fragment or InputFormat.RuleSpecs or InputFormat.Listing;
}
