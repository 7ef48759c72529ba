using NetView.Core.Iptables;

namespace NetView.Core.KubeProxy;

/// <summary>
/// One port of one Service as kube-proxy programmed it on this node: its entry points (ClusterIP,
/// NodePort, external and load-balancer IPs), policies, session affinity, chains, endpoints, and
/// the rules that implement all of it.
/// </summary>
public sealed record ServicePort
{
    /// <summary><c>ns/svc:port</c>, or <c>ns/svc</c> when the port has no name.</summary>
    public required string Name { get; init; }
    public required string Namespace { get; init; }
    public required string Service { get; init; }

    /// <summary>The port's name; empty when unnamed.</summary>
    public required string PortName { get; init; }

    /// <summary>tcp, udp or sctp.</summary>
    public required string Protocol { get; init; }

    public string? ClusterIP { get; init; }
    public int? ClusterPort { get; init; }
    public int? NodePort { get; init; }

    /// <summary>The node port of the load balancer's health check (externalTrafficPolicy Local).</summary>
    public int? HealthCheckNodePort { get; init; }

    public IReadOnlyList<string> ExternalIPs { get; init; } = [];
    public IReadOnlyList<string> LoadBalancerIPs { get; init; } = [];
    public IReadOnlyList<string> LoadBalancerSourceRanges { get; init; } = [];

    /// <summary>ClientIP affinity timeout (<c>recent --rcheck --seconds</c>); null without affinity.</summary>
    public int? SessionAffinitySeconds { get; init; }

    public TrafficPolicy ExternalTrafficPolicy { get; init; }
    public TrafficPolicy InternalTrafficPolicy { get; init; }
    public ServicePortChains Chains { get; init; } = ServicePortChains.None;

    /// <summary>False where kube-proxy wrote its "has no endpoints" REJECT.</summary>
    public bool HasEndpoints { get; init; } = true;

    /// <summary>False where kube-proxy wrote its "has no local endpoints" DROP (a Local policy, nothing on this node).</summary>
    public bool HasLocalEndpoints { get; init; } = true;

    /// <summary>In the cluster chain's rule order, then the endpoints only in the local chain.</summary>
    public IReadOnlyList<ServiceEndpoint> Endpoints { get; init; } = [];

    /// <summary>Every rule that implements this service port, in table, chain and rule order of reading.</summary>
    public IReadOnlyList<Rule> Rules { get; init; } = [];
}
