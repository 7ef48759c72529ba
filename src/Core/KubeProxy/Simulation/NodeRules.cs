using NetView.Core.Iptables;

namespace NetView.Core.KubeProxy.Simulation;

/// <summary>
/// The tables of one node while they are written, and what every service port's rules share:
/// the node's identity, the family's spellings, and kube-proxy's comment policy.
/// </summary>
internal sealed class NodeRules
{
    public const string KubeServices = "KUBE-SERVICES";
    public const string KubeExternalServices = "KUBE-EXTERNAL-SERVICES";
    public const string KubeNodePorts = "KUBE-NODEPORTS";
    public const string KubeForward = "KUBE-FORWARD";
    public const string KubeProxyFirewall = "KUBE-PROXY-FIREWALL";
    public const string KubeletFirewall = "KUBE-FIREWALL";
    public const string KubePostrouting = "KUBE-POSTROUTING";
    public const string KubeMarkMasq = "KUBE-MARK-MASQ";

    // kube-proxy drops per-endpoint comments past this many endpoints (largeClusterEndpointsThreshold).
    private const int LargeClusterEndpointsThreshold = 1000;

    private readonly ClusterSpec _cluster;
    private readonly bool _largeClusterMode;

    public NodeRules(ClusterSpec cluster, NodeSpec node, RulesWriterOptions options)
    {
        _cluster = cluster;
        Options = options;
        ClusterCidr = IpText.Cidr(cluster.ClusterCidr, "clusterCidr");
        if (IpText.FamilyOf(IpText.Network(cluster.ClusterCidr, "clusterCidr", out _)) != cluster.Family)
        {
            throw new ArgumentException($"clusterCidr: '{cluster.ClusterCidr}' is not {cluster.Family}.");
        }

        NodeName = node.Name;
        NodeIp = node.Addresses.FirstOrDefault(address => IpText.FamilyOf(IpText.Parse(address, $"node {node.Name} addresses")) == cluster.Family);
        _largeClusterMode = options.LargeClusterMode
            ?? cluster.Services.Sum(service => service.Ports.Count * service.Endpoints.Select(ep => ep.Address).Distinct().Count()) > LargeClusterEndpointsThreshold;

        Mangle = new SaveTable("mangle", "PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING");
        Filter = new SaveTable("filter", "INPUT", "FORWARD", "OUTPUT");
        Nat = new SaveTable("nat", "PREROUTING", "INPUT", "OUTPUT", "POSTROUTING");
    }

    public RulesWriterOptions Options { get; }
    public string NodeName { get; }
    public string? NodeIp { get; }
    public string ClusterCidr { get; }
    public SaveTable Mangle { get; }
    public SaveTable Filter { get; }
    public SaveTable Nat { get; }

    public bool IsIPv6 => _cluster.Family == IpFamily.IPv6;
    public string RejectTarget => IsIPv6 ? "REJECT --reject-with icmp6-port-unreachable" : "REJECT --reject-with icmp-port-unreachable";
    public string RecentMask => IsIPv6 ? "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff" : "255.255.255.255";

    /// <summary>A single address of this cluster's family as a match (<c>/32</c> or <c>/128</c>).</summary>
    public string Host(string address, string field)
    {
        if (IpText.FamilyOf(IpText.Parse(address, field)) != _cluster.Family)
        {
            throw new ArgumentException($"{field}: '{address}' is not {_cluster.Family}.");
        }

        return IpText.Host(address, field);
    }

    /// <summary>kube-proxy's appendServiceCommentLocked: the comment, unless in large-cluster mode.</summary>
    public SaveRule EndpointComment(SaveRule rule, string comment) => _largeClusterMode ? rule : rule.Comment(comment);

    /// <summary>The service port's endpoints deduplicated and sorted by "ip:port" as kube-proxy's endpoints map keeps them.</summary>
    public IReadOnlyList<SimulatedEndpoint> EndpointsOf(ServiceSpec service, ServicePortSpec port, string servicePortName, string protocol)
    {
        var byText = new Dictionary<string, SimulatedEndpoint>(StringComparer.Ordinal);
        foreach (var endpoint in service.Endpoints)
        {
            var field = $"{servicePortName} endpoint";
            Host(endpoint.Address, field);
            var text = IpText.Endpoint(endpoint.Address, port.TargetPort, field);
            byText.TryAdd(text, new SimulatedEndpoint(
                endpoint, text, ChainNames.EndpointChain(servicePortName, protocol, text), endpoint.NodeName == NodeName));
        }

        return [.. byText.Values.OrderBy(ep => ep.Text, StringComparer.Ordinal)];
    }

    public void WriteBaseChains()
    {
        foreach (var table in new[] { Mangle, Filter, Nat })
        {
            table.AddChain("KUBE-KUBELET-CANARY");
            table.AddChain("KUBE-PROXY-CANARY");
        }

        Mangle.AddChain("KUBE-IPTABLES-HINT");
        foreach (var chain in new[] { KubeServices, KubeExternalServices, KubeForward, KubeNodePorts, KubeProxyFirewall })
        {
            Filter.AddChain(chain);
        }

        foreach (var chain in new[] { KubeServices, KubeNodePorts, KubePostrouting, KubeMarkMasq })
        {
            Nat.AddChain(chain);
        }

        // The jumps kube-proxy (and kubelet, for KUBE-FIREWALL) prepend to the built-in chains, as they end up.
        Filter.Append("INPUT", New().Match("conntrack --ctstate NEW").Comment("kubernetes load balancer firewall").Jump(KubeProxyFirewall));
        Filter.Append("INPUT", New().Comment("kubernetes health check service ports").Jump(KubeNodePorts));
        Filter.Append("INPUT", New().Match("conntrack --ctstate NEW").Comment("kubernetes externally-visible service portals").Jump(KubeExternalServices));
        Filter.Append("FORWARD", New().Match("conntrack --ctstate NEW").Comment("kubernetes load balancer firewall").Jump(KubeProxyFirewall));
        Filter.Append("FORWARD", New().Comment("kubernetes forwarding rules").Jump(KubeForward));
        Filter.Append("FORWARD", New().Match("conntrack --ctstate NEW").Comment("kubernetes service portals").Jump(KubeServices));
        Filter.Append("FORWARD", New().Match("conntrack --ctstate NEW").Comment("kubernetes externally-visible service portals").Jump(KubeExternalServices));
        Filter.Append("OUTPUT", New().Match("conntrack --ctstate NEW").Comment("kubernetes load balancer firewall").Jump(KubeProxyFirewall));
        Filter.Append("OUTPUT", New().Match("conntrack --ctstate NEW").Comment("kubernetes service portals").Jump(KubeServices));
        if (!IsIPv6)
        {
            // route_localnet makes NodePorts answer on 127.0.0.1, which opens https://issue.k8s.io/90259;
            // kubelet and kube-proxy both install this guard, for IPv4 only.
            Filter.AddChain(KubeletFirewall);
            Filter.Append("INPUT", New().Jump(KubeletFirewall));
            Filter.Append("OUTPUT", New().Jump(KubeletFirewall));
            Filter.Append(KubeletFirewall, New().Source("127.0.0.0/8", negated: true).Destination("127.0.0.0/8")
                .Comment("block incoming localnet connections").Match("conntrack ! --ctstate RELATED,ESTABLISHED,DNAT").Jump("DROP"));
        }

        Nat.Append("PREROUTING", New().Comment("kubernetes service portals").Jump(KubeServices));
        Nat.Append("OUTPUT", New().Comment("kubernetes service portals").Jump(KubeServices));
        Nat.Append("POSTROUTING", New().Comment("kubernetes postrouting rules").Jump(KubePostrouting));
        Nat.Append(KubePostrouting, New().Match("mark ! --mark 0x4000/0x4000").Jump("RETURN"));
        Nat.Append(KubePostrouting, New().Jump("MARK --set-xmark 0x4000/0x0")); // --xor-mark 0x4000, as saved
        Nat.Append(KubePostrouting, New().Comment("kubernetes service traffic requiring SNAT").Jump("MASQUERADE --random-fully"));
        Nat.Append(KubeMarkMasq, New().Jump("MARK --set-xmark 0x4000/0x4000")); // --or-mark 0x4000, as saved
    }

    /// <summary>What kube-proxy writes after every service port: the NodePort catch-all and KUBE-FORWARD.</summary>
    public void WriteClosingRules()
    {
        var nodePorts = New();
        if (IsIPv6)
        {
            // NodePorts never work on ::1, so kube-proxy excludes it.
            nodePorts.Destination("::1/128", negated: true);
        }

        Nat.Append(KubeServices, nodePorts.Comment("kubernetes service nodeports; NOTE: this must be the last rule in this chain")
            .Match("addrtype --dst-type LOCAL").Jump(KubeNodePorts));

        // Without nf_conntrack_tcp_be_liberal an INVALID packet would reset the connection (issue 74839).
        Filter.Append(KubeForward, New().Match("conntrack --ctstate INVALID").Jump("DROP"));
        Filter.Append(KubeForward, New().Comment("kubernetes forwarding rules").Match("mark --mark 0x4000/0x4000").Jump("ACCEPT"));
        Filter.Append(KubeForward, New().Comment("kubernetes forwarding conntrack rule").Match("conntrack --ctstate RELATED,ESTABLISHED").Jump("ACCEPT"));
    }

    private static SaveRule New() => new();
}
