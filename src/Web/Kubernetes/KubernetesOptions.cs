namespace NetView.Web.Kubernetes;

/// <summary>
/// Where the server reads Services and EndpointSlices from (section <c>NetView:Kubernetes</c>).
/// Optional: without it NetView works from the rules alone and shows endpoints without pod names.
/// </summary>
public sealed class KubernetesOptions
{
    public const string Section = "NetView:Kubernetes";

    /// <summary>Use the pod's service account (the Helm chart sets this).</summary>
    public bool InCluster { get; set; }

    /// <summary>An API server URL, e.g. <c>http://127.0.0.1:8001</c> from <c>kubectl proxy</c>.</summary>
    public string? Host { get; set; }

    /// <summary>Upper bound on pods and services held, so a huge cluster cannot exhaust memory.</summary>
    public int MaxObjects { get; set; } = 200_000;

    public bool Enabled => InCluster || !string.IsNullOrWhiteSpace(Host);
}
