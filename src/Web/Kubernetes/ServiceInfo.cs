namespace NetView.Web.Kubernetes;

/// <summary>A Service as the API server declares it, to set beside what the rules implement.</summary>
public sealed record ServiceInfo(
    string Namespace,
    string Name,
    string Type,
    IReadOnlyList<string> ClusterIPs,
    IReadOnlyList<ServicePortInfo> Ports,
    string? ExternalTrafficPolicy,
    string? InternalTrafficPolicy,
    string? SessionAffinity);
