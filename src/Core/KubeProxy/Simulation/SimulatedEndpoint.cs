namespace NetView.Core.KubeProxy.Simulation;

/// <summary>An endpoint of one service port as kube-proxy names it on one node.</summary>
/// <param name="Text">"ip:port" ("[ip]:port" for IPv6), kube-proxy's endpoint string.</param>
/// <param name="Chain">Its KUBE-SEP chain.</param>
internal sealed record SimulatedEndpoint(EndpointSpec Spec, string Text, string Chain, bool IsLocal);
