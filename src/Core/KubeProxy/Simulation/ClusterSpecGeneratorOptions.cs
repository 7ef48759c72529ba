using NetView.Core.Iptables;

namespace NetView.Core.KubeProxy.Simulation;

/// <summary>What <see cref="ClusterSpecGenerator"/> mixes into a random cluster; shares are per service.</summary>
public sealed record ClusterSpecGeneratorOptions
{
    /// <summary>Every kind of service, policy and endpoint state kube-proxy treats differently.</summary>
    public static ClusterSpecGeneratorOptions Mixed { get; } = new();

    /// <summary>ClusterIP services with ready endpoints only: rule counts that are easy to predict (benchmarks).</summary>
    public static ClusterSpecGeneratorOptions Plain { get; } = new()
    {
        NodePortShare = 0,
        LoadBalancerShare = 0,
        ExternalIPShare = 0,
        AffinityShare = 0,
        InternalLocalShare = 0,
        NoEndpointsShare = 0,
        NotReadyShare = 0,
        MaxPortsPerService = 1,
    };

    public IpFamily Family { get; init; } = IpFamily.IPv4;
    public int NodeCount { get; init; } = 3;

    /// <summary>The pod CIDR (kube-proxy's <c>--cluster-cidr</c>); null for 10.244.0.0/16 or fd00:10:244::/56.</summary>
    public string? ClusterCidr { get; init; }

    /// <summary>Where cluster IPs come from; null for 10.96.0.0/12 or fd00:10:96::/108.</summary>
    public string? ServiceCidr { get; init; }

    /// <summary>Start with default/kubernetes:https, backed by the first node's API server.</summary>
    public bool IncludeKubernetesService { get; init; } = true;

    public double NodePortShare { get; init; } = 0.2;
    public double LoadBalancerShare { get; init; } = 0.1;
    public double ExternalIPShare { get; init; } = 0.05;
    public double AffinityShare { get; init; } = 0.1;

    /// <summary>Of the externally reachable services, how many use externalTrafficPolicy Local.</summary>
    public double ExternalLocalShare { get; init; } = 0.4;

    /// <summary>Of the load balancers, how many have loadBalancerSourceRanges.</summary>
    public double SourceRangesShare { get; init; } = 0.3;

    public double InternalLocalShare { get; init; } = 0.05;
    public double NoEndpointsShare { get; init; } = 0.05;

    /// <summary>Of the endpoints, how many are not ready (and not serving).</summary>
    public double NotReadyShare { get; init; } = 0.05;

    public int MaxPortsPerService { get; init; } = 3;
}
