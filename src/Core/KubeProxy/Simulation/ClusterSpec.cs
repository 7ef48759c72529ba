using NetView.Core.Iptables;

namespace NetView.Core.KubeProxy.Simulation;

/// <summary>A cluster as kube-proxy sees it: one address family, the pod CIDR, nodes and services.</summary>
/// <param name="ClusterCidr">kube-proxy's <c>--cluster-cidr</c>, its local-traffic detector.</param>
public sealed record ClusterSpec(
    IpFamily Family,
    string ClusterCidr,
    IReadOnlyList<NodeSpec> Nodes,
    IReadOnlyList<ServiceSpec> Services)
{
    public NodeSpec Node(string name) =>
        Nodes.FirstOrDefault(node => node.Name == name)
        ?? throw new ArgumentException($"The cluster has no node named '{name}'.", nameof(name));
}
