namespace NetView.Core.KubeProxy.Simulation;

/// <summary>
/// One endpoint of a service (a pod, or the API server for default/kubernetes). Its port for a
/// service port is that port's target port.
/// </summary>
/// <param name="Address">IPv4 or IPv6 address, without port.</param>
/// <param name="NodeName">The node it runs on; null when unknown (it is then local to no node).</param>
/// <param name="Ready">EndpointSlice <c>conditions.ready</c>.</param>
/// <param name="Serving">EndpointSlice <c>conditions.serving</c>; kube-proxy falls back to serving terminating endpoints when none is ready.</param>
/// <param name="Terminating">EndpointSlice <c>conditions.terminating</c>.</param>
public sealed record EndpointSpec(
    string Address,
    string? NodeName,
    bool Ready = true,
    bool Serving = true,
    bool Terminating = false);
