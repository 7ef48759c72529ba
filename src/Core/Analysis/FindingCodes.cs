namespace NetView.Core.Analysis;

/// <summary>
/// The stable codes of findings (docs/CONTRACTS.md). Codes are added, never renamed or removed:
/// scripts and dashboards match on them.
/// </summary>
public static class FindingCodes
{
    /// <summary>kube-proxy wrote its "has no endpoints" REJECT: the service port has no ready endpoints.</summary>
    public const string NoEndpoints = "NoEndpoints";

    /// <summary>A Local traffic policy with no endpoint on this node: kube-proxy drops that traffic here.</summary>
    public const string NoLocalEndpoints = "NoLocalEndpoints";

    /// <summary>A <c>statistic</c> cascade that does not split evenly, or lets traffic fall through.</summary>
    public const string ProbabilityMismatch = "ProbabilityMismatch";

    /// <summary>The same rule twice in one chain.</summary>
    public const string DuplicateRule = "DuplicateRule";

    /// <summary>Counters disagree with the expected split beyond chance.</summary>
    public const string UnevenObservedSplit = "UnevenObservedSplit";

    /// <summary>A rule outside kube-proxy's chains accepts, drops, rejects or rewrites service traffic first.</summary>
    public const string ShadowedService = "ShadowedService";

    /// <summary>A jump to a chain that does not exist.</summary>
    public const string DanglingJump = "DanglingJump";

    /// <summary>A kube-proxy chain nothing jumps to.</summary>
    public const string OrphanChain = "OrphanChain";

    /// <summary>So many rules that reading and updating them costs real time.</summary>
    public const string LargeRuleSet = "LargeRuleSet";

    /// <summary>kube-proxy rules in both the nf_tables and the legacy backend.</summary>
    public const string MixedBackends = "MixedBackends";

    /// <summary>A line of the input the parser could not (fully) read.</summary>
    public const string UnparsedLine = "UnparsedLine";

    /// <summary>An endpoint comment (<c>ns/svc:port -&gt; ip:port</c>) that disagrees with the DNAT target.</summary>
    public const string EndpointCommentMismatch = "EndpointCommentMismatch";

    /// <summary>A kube-proxy chain whose name is not the hash kube-proxy gives the service port or endpoint it serves.</summary>
    public const string ChainNameMismatch = "ChainNameMismatch";

    /// <summary>A service port with endpoints that a traced connection to its ClusterIP never reaches.</summary>
    public const string ServiceUnreachable = "ServiceUnreachable";

    /// <summary>Paths to a service port that masquerade, so endpoints see a node's address instead of the client's.</summary>
    public const string SourceNotPreserved = "SourceNotPreserved";

    /// <summary>Load-balancer source ranges admit only some clients; the rest are dropped.</summary>
    public const string LoadBalancerSourceRanges = "LoadBalancerSourceRanges";
}
