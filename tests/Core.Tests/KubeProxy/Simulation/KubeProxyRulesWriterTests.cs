using NetView.Core.Iptables;
using NetView.Core.KubeProxy;
using NetView.Core.KubeProxy.Simulation;

namespace NetView.Core.Tests.KubeProxy.Simulation;

public sealed class KubeProxyRulesWriterTests
{
    private static readonly NodeSpec NodeA = new("node-a", ["192.168.0.11"]);
    private static readonly NodeSpec NodeB = new("node-b", ["192.168.0.12"]);
    private static readonly NodeSpec NodeC = new("node-c", ["192.168.0.13"]);

    private static readonly ServiceSpec WebLocal = new("shop", "web", ServiceType.LoadBalancer, "10.96.0.20",
        [new ServicePortSpec("http", "tcp", 80, 8080, NodePort: 30080)],
        [new EndpointSpec("10.244.2.7", "node-b"), new EndpointSpec("10.244.1.5", "node-a")])
    {
        LoadBalancerIPs = ["203.0.113.10"],
        ExternalTrafficPolicy = TrafficPolicy.Local,
        HealthCheckNodePort = 32000,
    };

    [Fact]
    public void Write_LoadBalancerLocalPolicyOnNodeWithLocalEndpoint_WritesExtSvlAndHealthCheck()
    {
        var dump = Write(NodeA, WebLocal);

        Assert.Equal(
            [
                "-A KUBE-SERVICES -d 10.96.0.20/32 -p tcp -m comment --comment \"shop/web:http cluster IP\" -m tcp --dport 80 -j KUBE-SVC-67NZLRHBNDSAWJRO",
                "-A KUBE-SERVICES -d 203.0.113.10/32 -p tcp -m comment --comment \"shop/web:http loadbalancer IP\" -m tcp --dport 80 -j KUBE-EXT-67NZLRHBNDSAWJRO",
                "-A KUBE-SERVICES -m comment --comment \"kubernetes service nodeports; NOTE: this must be the last rule in this chain\" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS",
            ],
            Rules(dump, "nat", "KUBE-SERVICES"));
        Assert.Equal(
            ["-A KUBE-NODEPORTS -p tcp -m comment --comment \"shop/web:http\" -m tcp --dport 30080 -j KUBE-EXT-67NZLRHBNDSAWJRO"],
            Rules(dump, "nat", "KUBE-NODEPORTS"));
        Assert.Equal(
            [
                "-A KUBE-EXT-67NZLRHBNDSAWJRO -s 10.244.0.0/16 -m comment --comment \"pod traffic for shop/web:http external destinations\" -j KUBE-SVC-67NZLRHBNDSAWJRO",
                "-A KUBE-EXT-67NZLRHBNDSAWJRO -m comment --comment \"masquerade LOCAL traffic for shop/web:http external destinations\" -m addrtype --src-type LOCAL -j KUBE-MARK-MASQ",
                "-A KUBE-EXT-67NZLRHBNDSAWJRO -m comment --comment \"route LOCAL traffic for shop/web:http external destinations\" -m addrtype --src-type LOCAL -j KUBE-SVC-67NZLRHBNDSAWJRO",
                "-A KUBE-EXT-67NZLRHBNDSAWJRO -j KUBE-SVL-67NZLRHBNDSAWJRO",
            ],
            Rules(dump, "nat", "KUBE-EXT-67NZLRHBNDSAWJRO"));
        Assert.Equal(
            [
                "-A KUBE-SVC-67NZLRHBNDSAWJRO ! -s 10.244.0.0/16 -d 10.96.0.20/32 -p tcp -m comment --comment \"shop/web:http cluster IP\" -m tcp --dport 80 -j KUBE-MARK-MASQ",
                "-A KUBE-SVC-67NZLRHBNDSAWJRO -m comment --comment \"shop/web:http -> 10.244.1.5:8080\" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-34ZZ2QFGO32YYXXO",
                "-A KUBE-SVC-67NZLRHBNDSAWJRO -m comment --comment \"shop/web:http -> 10.244.2.7:8080\" -j KUBE-SEP-DYSIX5QMVXZZP7LU",
            ],
            Rules(dump, "nat", "KUBE-SVC-67NZLRHBNDSAWJRO"));
        Assert.Equal(
            ["-A KUBE-SVL-67NZLRHBNDSAWJRO -m comment --comment \"shop/web:http -> 10.244.1.5:8080\" -j KUBE-SEP-34ZZ2QFGO32YYXXO"],
            Rules(dump, "nat", "KUBE-SVL-67NZLRHBNDSAWJRO"));
        Assert.Equal(
            [
                "-A KUBE-SEP-34ZZ2QFGO32YYXXO -s 10.244.1.5/32 -m comment --comment \"shop/web:http\" -j KUBE-MARK-MASQ",
                "-A KUBE-SEP-34ZZ2QFGO32YYXXO -p tcp -m comment --comment \"shop/web:http\" -m tcp -j DNAT --to-destination 10.244.1.5:8080",
            ],
            Rules(dump, "nat", "KUBE-SEP-34ZZ2QFGO32YYXXO"));
        Assert.Equal(
            ["-A KUBE-NODEPORTS -p tcp -m comment --comment \"shop/web:http health check node port\" -m tcp --dport 32000 -j ACCEPT"],
            Rules(dump, "filter", "KUBE-NODEPORTS"));
        Assert.Empty(Rules(dump, "filter", "KUBE-EXTERNAL-SERVICES"));
    }

    [Fact]
    public void Write_LoadBalancerLocalPolicyOnNodeWithoutLocalEndpoint_DropsExternalTrafficInFilter()
    {
        var dump = Write(NodeC, WebLocal);

        Assert.Equal(
            [
                "-A KUBE-EXTERNAL-SERVICES -d 203.0.113.10/32 -p tcp -m comment --comment \"shop/web:http has no local endpoints\" -m tcp --dport 80 -j DROP",
                "-A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment \"shop/web:http has no local endpoints\" -m addrtype --dst-type LOCAL -m tcp --dport 30080 -j DROP",
            ],
            Rules(dump, "filter", "KUBE-EXTERNAL-SERVICES"));
        Assert.Equal(3, Rules(dump, "nat", "KUBE-EXT-67NZLRHBNDSAWJRO").Count);
        Assert.DoesNotContain("KUBE-SVL-", dump, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ServiceWithoutEndpoints_RejectsInFilterAndWritesNoNatChains()
    {
        var gone = new ServiceSpec("data", "gone", ServiceType.NodePort, "10.96.0.30",
            [new ServicePortSpec("grpc", "udp", 9090, 9090, NodePort: 30090)], [])
        { ExternalIPs = ["198.51.100.4"] };

        var dump = Write(NodeA, gone);

        Assert.Equal(
            ["-A KUBE-SERVICES -d 10.96.0.30/32 -p udp -m comment --comment \"data/gone:grpc has no endpoints\" -m udp --dport 9090 -j REJECT --reject-with icmp-port-unreachable"],
            Rules(dump, "filter", "KUBE-SERVICES"));
        Assert.Equal(
            [
                "-A KUBE-EXTERNAL-SERVICES -d 198.51.100.4/32 -p udp -m comment --comment \"data/gone:grpc has no endpoints\" -m udp --dport 9090 -j REJECT --reject-with icmp-port-unreachable",
                "-A KUBE-EXTERNAL-SERVICES -p udp -m comment --comment \"data/gone:grpc has no endpoints\" -m addrtype --dst-type LOCAL -m udp --dport 30090 -j REJECT --reject-with icmp-port-unreachable",
            ],
            Rules(dump, "filter", "KUBE-EXTERNAL-SERVICES"));
        Assert.DoesNotContain("HY4XT6ECMXM3FBEI", dump, StringComparison.Ordinal);
        Assert.Single(Rules(dump, "nat", "KUBE-SERVICES"));
    }

    [Fact]
    public void Write_ClientIPAffinityUnnamedPort_ChecksRecentBeforeTheCascadeAndSetsItInTheEndpoint()
    {
        var cache = new ServiceSpec("data", "cache", ServiceType.ClusterIP, "10.96.0.40",
            [new ServicePortSpec("", "tcp", 6379, 6379)],
            [new EndpointSpec("10.244.1.9", "node-a"), new EndpointSpec("10.244.2.9", "node-b")])
        { SessionAffinitySeconds = 10800 };

        var dump = Write(NodeA, cache);

        Assert.Equal(
            [
                "-A KUBE-SVC-SNEZVOM5RCCH7HNF ! -s 10.244.0.0/16 -d 10.96.0.40/32 -p tcp -m comment --comment \"data/cache cluster IP\" -m tcp --dport 6379 -j KUBE-MARK-MASQ",
                "-A KUBE-SVC-SNEZVOM5RCCH7HNF -m comment --comment \"data/cache -> 10.244.1.9:6379\" -m recent --rcheck --seconds 10800 --reap --name KUBE-SEP-42WBRHFHMQXD6PAV --mask 255.255.255.255 --rsource -j KUBE-SEP-42WBRHFHMQXD6PAV",
                "-A KUBE-SVC-SNEZVOM5RCCH7HNF -m comment --comment \"data/cache -> 10.244.2.9:6379\" -m recent --rcheck --seconds 10800 --reap --name KUBE-SEP-6G2PCGWC6Z6XQOBE --mask 255.255.255.255 --rsource -j KUBE-SEP-6G2PCGWC6Z6XQOBE",
                "-A KUBE-SVC-SNEZVOM5RCCH7HNF -m comment --comment \"data/cache -> 10.244.1.9:6379\" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-42WBRHFHMQXD6PAV",
                "-A KUBE-SVC-SNEZVOM5RCCH7HNF -m comment --comment \"data/cache -> 10.244.2.9:6379\" -j KUBE-SEP-6G2PCGWC6Z6XQOBE",
            ],
            Rules(dump, "nat", "KUBE-SVC-SNEZVOM5RCCH7HNF"));
        Assert.Equal(
            "-A KUBE-SEP-6G2PCGWC6Z6XQOBE -p tcp -m comment --comment \"data/cache\" -m recent --set --name KUBE-SEP-6G2PCGWC6Z6XQOBE --mask 255.255.255.255 --rsource -m tcp -j DNAT --to-destination 10.244.2.9:6379",
            Rules(dump, "nat", "KUBE-SEP-6G2PCGWC6Z6XQOBE")[1]);
    }

    [Fact]
    public void Write_InternalLocalPolicyWithoutLocalEndpoint_DropsClusterIPTraffic()
    {
        var cache = new ServiceSpec("data", "cache", ServiceType.ClusterIP, "10.96.0.40",
            [new ServicePortSpec("", "tcp", 6379, 6379)], [new EndpointSpec("10.244.2.9", "node-b")])
        { InternalTrafficPolicy = TrafficPolicy.Local };

        var dump = Write(NodeA, cache);

        Assert.Equal(
            ["-A KUBE-SERVICES -d 10.96.0.40/32 -p tcp -m comment --comment \"data/cache has no local endpoints\" -m tcp --dport 6379 -j DROP"],
            Rules(dump, "filter", "KUBE-SERVICES"));
        Assert.DoesNotContain("KUBE-SEP-", dump, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_LoadBalancerSourceRangesContainingTheNode_WritesFirewallChainAndProxyFirewallDrop()
    {
        var lb = new ServiceSpec("shop", "lb", ServiceType.LoadBalancer, "10.96.0.50",
            [new ServicePortSpec("https", "tcp", 443, 8443, NodePort: 30443)], [new EndpointSpec("10.244.2.3", "node-b")])
        {
            LoadBalancerIPs = ["203.0.113.20"],
            LoadBalancerSourceRanges = ["192.168.0.0/24", "198.51.100.77/16"],
        };

        var dump = Write(NodeB, lb);

        Assert.Equal(
            [
                "-A KUBE-FW-Z2VHYKJU5HB5LLV6 -s 192.168.0.0/24 -m comment --comment \"shop/lb:https loadbalancer IP\" -j KUBE-EXT-Z2VHYKJU5HB5LLV6",
                "-A KUBE-FW-Z2VHYKJU5HB5LLV6 -s 198.51.0.0/16 -m comment --comment \"shop/lb:https loadbalancer IP\" -j KUBE-EXT-Z2VHYKJU5HB5LLV6",
                "-A KUBE-FW-Z2VHYKJU5HB5LLV6 -s 203.0.113.20/32 -m comment --comment \"shop/lb:https loadbalancer IP\" -j KUBE-EXT-Z2VHYKJU5HB5LLV6",
                "-A KUBE-FW-Z2VHYKJU5HB5LLV6 -m comment --comment \"other traffic to shop/lb:https will be dropped by KUBE-PROXY-FIREWALL\"",
            ],
            Rules(dump, "nat", "KUBE-FW-Z2VHYKJU5HB5LLV6"));
        Assert.Equal(
            ["-A KUBE-PROXY-FIREWALL -d 203.0.113.20/32 -p tcp -m comment --comment \"shop/lb:https traffic not accepted by KUBE-FW-Z2VHYKJU5HB5LLV6\" -m tcp --dport 443 -j DROP"],
            Rules(dump, "filter", "KUBE-PROXY-FIREWALL"));
        Assert.Equal(
            ["-A KUBE-EXT-Z2VHYKJU5HB5LLV6 -m comment --comment \"masquerade traffic for shop/lb:https external destinations\" -j KUBE-MARK-MASQ",
             "-A KUBE-EXT-Z2VHYKJU5HB5LLV6 -j KUBE-SVC-Z2VHYKJU5HB5LLV6"],
            Rules(dump, "nat", "KUBE-EXT-Z2VHYKJU5HB5LLV6"));
        Assert.Contains(
            "-A KUBE-SERVICES -d 203.0.113.20/32 -p tcp -m comment --comment \"shop/lb:https loadbalancer IP\" -m tcp --dport 443 -j KUBE-FW-Z2VHYKJU5HB5LLV6",
            Rules(dump, "nat", "KUBE-SERVICES"));
    }

    [Fact]
    public void Write_CountersAndLegacyBackend_PrefixesRulesAndWritesPlainHeader()
    {
        var options = RulesWriterOptions.Default with
        {
            Backend = IptablesBackend.Legacy,
            IptablesVersion = "1.8.4",
            GeneratedAt = new DateTimeOffset(2022, 7, 8, 11, 32, 54, TimeSpan.Zero),
            Counters = (table, chain, number, _) => number == 0 ? Counters.Zero : new Counters(number, table.Length),
        };

        var dump = KubeProxyRulesWriter.Write(new ClusterSpec(IpFamily.IPv4, "10.244.0.0/16", [NodeA], []), NodeA, options);
        var lines = dump.Split('\n');

        Assert.Equal("# Generated by iptables-save v1.8.4 on Fri Jul  8 11:32:54 2022", lines[0]);
        Assert.Equal(["*mangle", "*nat", "*filter"], lines.Where(line => line.StartsWith('*')));
        Assert.Contains("[2:3] -A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0", lines);
        Assert.Contains(":PREROUTING ACCEPT [0:0]", lines);
    }

    [Fact]
    public void Write_IPv6Service_UsesHostPrefix128BracketsAndIcmp6()
    {
        var v6 = new ServiceSpec("data", "gone", ServiceType.ClusterIP, "fd00:10:96::30", [new ServicePortSpec("grpc", "udp", 9090, 9090)], []);
        var node = new NodeSpec("node-a", ["fd00:192:168::11"]);

        var dump = KubeProxyRulesWriter.Write(new ClusterSpec(IpFamily.IPv6, "fd00:10:244::/56", [node], [v6]), node);

        Assert.Equal(
            ["-A KUBE-SERVICES -d fd00:10:96::30/128 -p udp -m comment --comment \"data/gone:grpc has no endpoints\" -m udp --dport 9090 -j REJECT --reject-with icmp6-port-unreachable"],
            Rules(dump, "filter", "KUBE-SERVICES"));
        Assert.Equal(
            ["-A KUBE-SERVICES ! -d ::1/128 -m comment --comment \"kubernetes service nodeports; NOTE: this must be the last rule in this chain\" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS"],
            Rules(dump, "nat", "KUBE-SERVICES"));
        Assert.StartsWith("# Generated by ip6tables-save v1.8.10 (nf_tables) on ", dump, StringComparison.Ordinal);
        Assert.DoesNotContain("KUBE-FIREWALL", dump, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_EndpointOfTheOtherFamily_ThrowsNamingTheField()
    {
        var bad = new ServiceSpec("data", "mixed", ServiceType.ClusterIP, "10.96.0.60",
            [new ServicePortSpec("http", "tcp", 80, 80)], [new EndpointSpec("fd00::1", "node-a")]);

        var error = Assert.Throws<ArgumentException>(() => Write(NodeA, bad));

        Assert.Equal("data/mixed:http endpoint: 'fd00::1' is not IPv4.", error.Message);
    }

    private static string Write(NodeSpec node, ServiceSpec service) =>
        KubeProxyRulesWriter.Write(new ClusterSpec(IpFamily.IPv4, "10.244.0.0/16", [NodeA, NodeB, NodeC], [service]), node);

    private static List<string> Rules(string dump, string table, string chain)
    {
        var rules = new List<string>();
        var current = "";
        foreach (var line in dump.Split('\n'))
        {
            if (line.StartsWith('*'))
            {
                current = line[1..];
            }
            else if (current == table && line.StartsWith($"-A {chain} ", StringComparison.Ordinal))
            {
                rules.Add(line);
            }
        }

        return rules;
    }
}
