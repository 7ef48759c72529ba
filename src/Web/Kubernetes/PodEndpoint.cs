namespace NetView.Web.Kubernetes;

/// <summary>What the API says is behind an endpoint address: the pod, its node, and whether it is ready.</summary>
public sealed record PodEndpoint(string Address, string? Namespace, string? PodName, string? NodeName, bool Ready);
