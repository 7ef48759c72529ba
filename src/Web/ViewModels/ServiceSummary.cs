namespace NetView.Web.ViewModels;

/// <summary>
/// One service port as the services grid and the service page show it, summed over the nodes that
/// have it. Every string comes from node rules: untrusted, rendered escaped.
/// </summary>
public sealed record ServiceSummary
{
    /// <summary><c>ns/svc:port</c>, or <c>ns/svc</c> when the port has no name (kube-proxy's comment text).</summary>
    public required string Name { get; init; }
    public required string Namespace { get; init; }
    public required string Service { get; init; }
    public required string PortName { get; init; }
    public required string Protocol { get; init; }
    public string? ClusterIP { get; init; }
    public int? ClusterPort { get; init; }
    public int? NodePort { get; init; }
    public IReadOnlyList<string> LoadBalancerIPs { get; init; } = [];
    public IReadOnlyList<string> ExternalIPs { get; init; } = [];
    public IReadOnlyList<string> LoadBalancerSourceRanges { get; init; } = [];
    public int? AffinitySeconds { get; init; }
    public string ExternalTrafficPolicy { get; init; } = "Cluster";
    public string InternalTrafficPolicy { get; init; } = "Cluster";
    public bool HasEndpoints { get; init; } = true;

    /// <summary>The service port's own chains (KUBE-SVC/SVL/EXT/FW/XLB) that exist on some node.</summary>
    public IReadOnlyList<string> Chains { get; init; } = [];

    public IReadOnlyList<EndpointSummary> Endpoints { get; init; } = [];

    /// <summary>Nodes whose rules carry this service port.</summary>
    public IReadOnlyList<string> Nodes { get; init; } = [];

    /// <summary>New connections counted by the endpoints' DNAT rules, summed; null without counters.</summary>
    public long? Connections { get; init; }

    /// <summary>What kind of service the rules show: the most external way in wins.</summary>
    public string Type => LoadBalancerIPs.Count > 0 ? "LoadBalancer" : NodePort is not null ? "NodePort" : ClusterIP is not null ? "ClusterIP" : ExternalIPs.Count > 0 ? "externalIP" : "—";

    /// <summary>The ClusterIP and port as a client dials it, IPv6 in brackets.</summary>
    public string? ClusterAddress => ClusterIP is null ? null : ClusterIP.Contains(':') ? $"[{ClusterIP}]:{ClusterPort}" : $"{ClusterIP}:{ClusterPort}";

    public string Link(string? importId = null) => Links.Service(Namespace, Service, PortName, importId);
}
