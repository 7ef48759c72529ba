namespace NetView.Core.KubeProxy.Simulation;

/// <summary>
/// A Service and its endpoints, with the fields kube-proxy's iptables proxier reads. Every port
/// of the service is backed by every endpoint (at the port's target port).
/// </summary>
public sealed record ServiceSpec(
    string Namespace,
    string Name,
    ServiceType Type,
    string ClusterIP,
    IReadOnlyList<ServicePortSpec> Ports,
    IReadOnlyList<EndpointSpec> Endpoints)
{
    public IReadOnlyList<string> ExternalIPs { get; init; } = [];

    /// <summary><c>status.loadBalancer.ingress[].ip</c> (only for type LoadBalancer).</summary>
    public IReadOnlyList<string> LoadBalancerIPs { get; init; } = [];

    /// <summary><c>spec.loadBalancerSourceRanges</c> as CIDRs.</summary>
    public IReadOnlyList<string> LoadBalancerSourceRanges { get; init; } = [];

    /// <summary>ClientIP affinity timeout in seconds (<c>sessionAffinityConfig.clientIP.timeoutSeconds</c>); null for no affinity.</summary>
    public int? SessionAffinitySeconds { get; init; }

    public TrafficPolicy ExternalTrafficPolicy { get; init; } = TrafficPolicy.Cluster;
    public TrafficPolicy InternalTrafficPolicy { get; init; } = TrafficPolicy.Cluster;

    /// <summary><c>spec.healthCheckNodePort</c> (LoadBalancer with externalTrafficPolicy Local); null for none.</summary>
    public int? HealthCheckNodePort { get; init; }

    /// <summary>"ns/svc:port", or "ns/svc" for an unnamed port, as kube-proxy's ServicePortName.String() writes it.</summary>
    public string ServicePortName(ServicePortSpec port) =>
        port.Name.Length == 0 ? $"{Namespace}/{Name}" : $"{Namespace}/{Name}:{port.Name}";

    /// <summary>
    /// Reachable from outside the cluster: a node port, a load-balancer IP or an external IP
    /// (kube-proxy's ExternallyAccessible).
    /// </summary>
    public bool IsExternallyAccessible(ServicePortSpec port) =>
        port.NodePort is not null || LoadBalancerIPs.Count > 0 || ExternalIPs.Count > 0;
}
