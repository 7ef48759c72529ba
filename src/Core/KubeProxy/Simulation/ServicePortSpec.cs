namespace NetView.Core.KubeProxy.Simulation;

/// <summary>One port of a Service.</summary>
/// <param name="Name">The port name; empty for the single unnamed port of a service.</param>
/// <param name="Protocol">"tcp", "udp" or "sctp".</param>
/// <param name="Port">The service (cluster IP) port.</param>
/// <param name="TargetPort">The endpoints' port.</param>
/// <param name="NodePort">The node port of a NodePort or LoadBalancer service; null for none.</param>
public sealed record ServicePortSpec(string Name, string Protocol, int Port, int TargetPort, int? NodePort = null);
