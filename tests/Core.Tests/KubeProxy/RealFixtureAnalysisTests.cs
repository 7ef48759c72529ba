using NetView.Core.Analysis;
using NetView.Core.Iptables;
using NetView.Core.KubeProxy;

namespace NetView.Core.Tests.KubeProxy;

/// <summary>Every published dump of Fixtures/real against what its README says a correct analysis reports.</summary>
public sealed class RealFixtureAnalysisTests
{
    private const double Exact = 1e-10;

    private static (KubeProxyAnalysis Analysis, RuleSet Rules) Analyze(string name)
    {
        var rules = IptablesParser.ParseFile(Path.Combine(AppContext.BaseDirectory, "Fixtures", "real", name));
        return (KubeProxyAnalyzer.Analyze(rules), rules);
    }

    private static ServicePort Port(KubeProxyAnalysis analysis, string name, string protocol) =>
        Assert.Single(analysis.ServicePorts, p => p.Name == name && p.Protocol == protocol);

    private static void AssertEndpoints(ServicePort port, params (string Address, double Share)[] expected)
    {
        Assert.Equal(expected.Length, port.Endpoints.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Address, port.Endpoints[i].Address);
            Assert.Equal(expected[i].Share, port.Endpoints[i].Probability!.Value, Exact);
        }
    }

    private static void AssertClusterIp(ServicePort port, string ip, int clusterPort)
    {
        Assert.Equal(ip, port.ClusterIP);
        Assert.Equal(clusterPort, port.ClusterPort);
    }

    [Fact]
    public void Analyze_Kubeadm132_FourServicePortsEvenSplitsNoFindings()
    {
        var (analysis, _) = Analyze("03-kubeadm132-flannel-nftables-mangle-filter-nat.txt");

        Assert.Equal(ProxyMode.Iptables, analysis.Mode);
        Assert.Equal("10.244.0.0/16", analysis.ClusterCidr);
        Assert.Equal(4, analysis.ServicePorts.Count);
        var api = Port(analysis, "default/kubernetes:https", "tcp");
        AssertClusterIp(api, "10.96.0.1", 443);
        AssertEndpoints(api, ("172.31.7.91:6443", 1.0));
        foreach (var (name, protocol, port) in new[] { ("kube-system/kube-dns:dns", "udp", 53), ("kube-system/kube-dns:dns-tcp", "tcp", 53), ("kube-system/kube-dns:metrics", "tcp", 9153) })
        {
            var dns = Port(analysis, name, protocol);
            AssertClusterIp(dns, "10.96.0.10", port);
            AssertEndpoints(dns, ($"10.244.0.2:{port}", 0.5), ($"10.244.0.3:{port}", 0.5));
            Assert.All(dns.Endpoints, e => Assert.Equal(e.Address, e.CommentAddress));
        }

        Assert.All(analysis.ServicePorts, p => Assert.Null(p.NodePort));
        Assert.All(analysis.ServicePorts, p => Assert.True(p.HasEndpoints));
        Assert.Empty(analysis.Findings);
    }

    [Fact]
    public void Analyze_K3sSaveC_OneRoutableAndFourRejectedServicePorts()
    {
        var (analysis, rules) = Analyze("04-k3s-save-c-counters-no-endpoints-reject.txt");

        Assert.Equal(5, analysis.ServicePorts.Count);
        Assert.Equal("10.42.0.0/16", analysis.ClusterCidr);
        var api = Port(analysis, "default/kubernetes:https", "tcp");
        AssertClusterIp(api, "10.43.0.1", 443);
        AssertEndpoints(api, ("10.0.20.5:6443", 1.0));
        Assert.Equal(0, api.Endpoints[0].Connections);
        Assert.Equal(0, api.Endpoints[0].Bytes);
        Assert.True(api.HasEndpoints);

        var rejected = new[]
        {
            ("kube-system/kube-dns:dns-tcp", "tcp", "10.43.0.10", 53),
            ("kube-system/kube-dns:metrics", "tcp", "10.43.0.10", 9153),
            ("kube-system/kube-dns:dns", "udp", "10.43.0.10", 53),
            ("kube-system/metrics-server:https", "tcp", "10.43.40.11", 443),
        };
        foreach (var (name, protocol, ip, port) in rejected)
        {
            var servicePort = Port(analysis, name, protocol);
            Assert.False(servicePort.HasEndpoints);
            AssertClusterIp(servicePort, ip, port);
            Assert.Empty(servicePort.Endpoints);
            Assert.Null(servicePort.Chains.Svc);
            Assert.Contains(analysis.Findings, f => f.Code == FindingCodes.NoEndpoints && f.Subject == name);
        }

        Assert.Equal(4, analysis.Findings.Count(f => f.Code == FindingCodes.NoEndpoints));
        var nat = rules.Table("nat")!;
        Assert.Equal(new Counters(596, 24001), nat.Chain("KUBE-SERVICES")!.Rules[1].Counters);
        Assert.Equal(new Counters(402612, 15051273), nat.Chain("PREROUTING")!.Rules[0].Counters);
    }

    [Fact]
    public void Analyze_FlannelListing_UnnamedPortWithNodePortAndChainsPerEndpoint()
    {
        var (analysis, rules) = Analyze("06-flannel-docker-nat-list-nv-nodeport.txt");

        Assert.Equal(InputFormat.Listing, rules.Format);
        Assert.Equal("10.244.0.0/16", analysis.ClusterCidr);
        Assert.Equal(4, analysis.ServicePorts.Count);
        var dnsTcp = Port(analysis, "kube-system/kube-dns:dns-tcp", "tcp");
        AssertClusterIp(dnsTcp, "10.96.0.10", 53);
        AssertEndpoints(dnsTcp, ("10.244.0.24:53", 0.5), ("10.244.0.25:53", 0.5));
        Assert.Equal(["KUBE-SEP-X5LPZOF2HZFMFFC2", "KUBE-SEP-2JVQP42V4GXGTRDZ"], dnsTcp.Endpoints.Select(e => e.Chain));
        var dns = Port(analysis, "kube-system/kube-dns:dns", "udp");
        AssertClusterIp(dns, "10.96.0.10", 53);
        AssertEndpoints(dns, ("10.244.0.24:53", 0.5), ("10.244.0.25:53", 0.5));
        Assert.Equal(["KUBE-SEP-AZ26OUDW2ONMCF3B", "KUBE-SEP-NQYSJ3QY2ADXHRG3"], dns.Endpoints.Select(e => e.Chain));
        var api = Port(analysis, "default/kubernetes:https", "tcp");
        AssertClusterIp(api, "10.96.0.1", 443);
        AssertEndpoints(api, ("172.20.0.70:6443", 1.0));

        var nginx = Port(analysis, "default/nginx-svc", "tcp");
        Assert.Equal("", nginx.PortName);
        AssertClusterIp(nginx, "10.108.205.52", 80);
        Assert.Equal(30080, nginx.NodePort);
        Assert.Equal("KUBE-SVC-R2VK7O5AFVLRAXSH", nginx.Chains.Svc);
        AssertEndpoints(nginx, ("10.244.1.3:80", 1.0));
        Assert.Empty(analysis.Findings);
    }

    [Fact]
    public void Analyze_Kind123_SixServicePortsAndDockerDnsIsNoService()
    {
        var (analysis, _) = Analyze("09-kind123-traefik-kind-masq-agent-blank-lines.txt");

        Assert.Equal(6, analysis.ServicePorts.Count);
        Assert.Equal("10.244.0.0/16", analysis.ClusterCidr);
        var web = Port(analysis, "default/traefik:web", "tcp");
        AssertClusterIp(web, "10.96.237.231", 80);
        AssertEndpoints(web, ("10.244.0.5:8000", 1.0));
        var websecure = Port(analysis, "default/traefik:websecure", "tcp");
        AssertClusterIp(websecure, "10.96.237.231", 443);
        AssertEndpoints(websecure, ("10.244.0.5:8443", 1.0));
        AssertEndpoints(Port(analysis, "default/kubernetes:https", "tcp"), ("172.18.0.5:6443", 1.0));
        AssertEndpoints(Port(analysis, "kube-system/kube-dns:dns", "udp"), ("10.244.0.3:53", 0.5), ("10.244.0.4:53", 0.5));
        AssertEndpoints(Port(analysis, "kube-system/kube-dns:dns-tcp", "tcp"), ("10.244.0.3:53", 0.5), ("10.244.0.4:53", 0.5));
        AssertEndpoints(Port(analysis, "kube-system/kube-dns:metrics", "tcp"), ("10.244.0.3:9153", 0.5), ("10.244.0.4:9153", 0.5));
        Assert.DoesNotContain(analysis.ServicePorts, p => p.ClusterIP == "192.168.31.191" || p.Endpoints.Any(e => e.Address.StartsWith("127.0.0.11", StringComparison.Ordinal)));
        Assert.DoesNotContain(analysis.ServicePorts, p => p.Rules.Any(r => r.Chain.StartsWith("DOCKER", StringComparison.Ordinal)));
        Assert.Empty(analysis.Findings);
    }

    [Fact]
    public void Analyze_K8s111Fragment_AffinityNodePortAndOldRoundedShares()
    {
        var (analysis, _) = Analyze("11-k8s111-openshift-affinity-3ep-nodeport-fragment.txt");

        Assert.Equal("10.240.0.0/12", analysis.ClusterCidr);
        var port = Assert.Single(analysis.ServicePorts);
        Assert.Equal("space22pbugsd/yibao-b:yibao-b", port.Name);
        Assert.Equal("tcp", port.Protocol);
        AssertClusterIp(port, "10.100.218.244", 13332);
        Assert.Equal(13332, port.NodePort);
        Assert.Equal(10800, port.SessionAffinitySeconds);
        Assert.Equal("KUBE-SVC-TYE23RAXJNHAJ33G", port.Chains.Svc);
        AssertEndpoints(port,
            ("10.243.1.179:13332", 0.33332999982),
            ("10.244.1.31:13332", 0.33333500009),
            ("10.246.0.133:13332", 0.33333500009));
        Assert.Equal(["KUBE-SEP-SRB22U7BNHNW5WLR", "KUBE-SEP-2ZNXFH2VOSGBPAVV", "KUBE-SEP-G2V5AWNNIXO6IYNV"], port.Endpoints.Select(e => e.Chain));
        Assert.Equal(1.0, port.Endpoints.Sum(e => e.Probability!.Value), Exact);
        Assert.Equal(TrafficPolicy.Cluster, port.ExternalTrafficPolicy);
        Assert.DoesNotContain(analysis.Findings, f => f.Code == FindingCodes.ProbabilityMismatch);
    }

    [Fact]
    public void Analyze_K3sRuleSpecsLocalPolicy_SixEndpointLadderAndTwoLocal()
    {
        var (analysis, _) = Analyze("14-k3s-metallb-etp-local-S-v-format-6ep.txt");

        var port = Assert.Single(analysis.ServicePorts);
        Assert.Equal("default/nginx-mlb-l2-service", port.Name);
        Assert.Equal("", port.PortName);
        Assert.Equal("tcp", port.Protocol);
        AssertClusterIp(port, "10.43.159.55", 80);
        Assert.Equal(TrafficPolicy.Local, port.ExternalTrafficPolicy);
        Assert.Equal(TrafficPolicy.Cluster, port.InternalTrafficPolicy);
        Assert.Null(port.NodePort);
        Assert.Empty(port.LoadBalancerIPs);
        Assert.Contains(port.Rules, r => r.Reference == "nat/KUBE-EXT-W47NQ5DDJKUWFTVY#4" && r.Target.Name == "KUBE-SVL-W47NQ5DDJKUWFTVY");
        Assert.Equal(new ServicePortChains("KUBE-SVC-W47NQ5DDJKUWFTVY", "KUBE-SVL-W47NQ5DDJKUWFTVY", "KUBE-EXT-W47NQ5DDJKUWFTVY", null, null), port.Chains);
        Assert.Equal("10.42.0.0/16", analysis.ClusterCidr);
        AssertEndpoints(port,
            ("10.42.0.25:8080", 0.16666666651),
            ("10.42.0.26:8080", 0.16666666686),
            ("10.42.1.20:8080", 0.16666666666),
            ("10.42.1.21:8080", 0.16666666674),
            ("10.42.2.21:8080", 0.16666666662),
            ("10.42.2.22:8080", 0.16666666662));
        Assert.Equal(1.00000000001, port.Endpoints.Sum(e => e.Probability!.Value), Exact);
        Assert.Equal(0.5, port.Endpoints[0].LocalProbability!.Value, Exact);
        Assert.Equal(0.5, port.Endpoints[1].LocalProbability!.Value, Exact);
        Assert.All(port.Endpoints.Skip(2), e => Assert.Null(e.LocalProbability));
        Assert.All(port.Endpoints, e => Assert.Equal(0, e.Connections));
        Assert.DoesNotContain(analysis.Findings, f => f.Code == FindingCodes.ProbabilityMismatch);
        Assert.DoesNotContain(analysis.Findings, f => f.Severity != FindingSeverity.Info);
    }
}
