using NetView.Core.Analysis;
using NetView.Core.Iptables;

namespace NetView.Core.KubeProxy;

/// <summary>
/// What kube-proxy programmed into one rule set: its mode, the pod network it masquerades
/// around, every service port with its entry points, policies and endpoint shares, and findings.
/// </summary>
/// <param name="ClusterCidr">The pod CIDR of kube-proxy's <c>! -s CIDR -j KUBE-MARK-MASQ</c> rules; null when it detects local traffic otherwise.</param>
public sealed record KubeProxyAnalysis(
    IpFamily Family,
    ProxyMode Mode,
    string? ClusterCidr,
    IReadOnlyList<ServicePort> ServicePorts,
    IReadOnlyList<Finding> Findings,
    KubeProxySummary Summary);
