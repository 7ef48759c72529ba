namespace NetView.Core.KubeProxy.Simulation;

/// <summary>A node: its name (endpoints name it to be local) and its addresses.</summary>
/// <param name="Addresses">Node IPs; the first one of the dump's family is kube-proxy's node IP.</param>
public sealed record NodeSpec(string Name, IReadOnlyList<string> Addresses);
