using NetView.Core.Analysis;
using NetView.Core.Iptables;
using NetView.Core.KubeProxy;

namespace NetView.Core.Tests.KubeProxy;

/// <summary>kube-proxy's rule shapes across versions, as literal iptables-save text.</summary>
public sealed class KubeProxyEraTests
{
    private static KubeProxyAnalysis Analyze(string dump) => KubeProxyAnalyzer.Analyze(IptablesParser.Parse(dump));

    private const string CurrentLoadBalancer = """
        *filter
        :KUBE-PROXY-FIREWALL - [0:0]
        -A KUBE-PROXY-FIREWALL -d 203.0.113.10/32 -p tcp -m comment --comment "prod/shop:https traffic not accepted by KUBE-FW-YFD5YCCWANAYJE2S" -m tcp --dport 443 -j DROP
        COMMIT
        *nat
        :PREROUTING ACCEPT [0:0]
        :KUBE-SERVICES - [0:0]
        :KUBE-NODEPORTS - [0:0]
        :KUBE-MARK-MASQ - [0:0]
        :KUBE-SVC-YFD5YCCWANAYJE2S - [0:0]
        :KUBE-EXT-YFD5YCCWANAYJE2S - [0:0]
        :KUBE-FW-YFD5YCCWANAYJE2S - [0:0]
        :KUBE-SEP-OUQSHBR26NIZEMUP - [0:0]
        :KUBE-SEP-AMNGK25PNDTLCFCZ - [0:0]
        -A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
        -A KUBE-SERVICES -d 10.96.50.5/32 -p tcp -m comment --comment "prod/shop:https cluster IP" -m tcp --dport 443 -j KUBE-SVC-YFD5YCCWANAYJE2S
        -A KUBE-SERVICES -d 198.51.100.7/32 -p tcp -m comment --comment "prod/shop:https external IP" -m tcp --dport 443 -j KUBE-EXT-YFD5YCCWANAYJE2S
        -A KUBE-SERVICES -d 203.0.113.10/32 -p tcp -m comment --comment "prod/shop:https loadbalancer IP" -m tcp --dport 443 -j KUBE-FW-YFD5YCCWANAYJE2S
        -A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS
        -A KUBE-NODEPORTS -p tcp -m comment --comment "prod/shop:https" -m tcp --dport 31443 -j KUBE-EXT-YFD5YCCWANAYJE2S
        -A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000
        -A KUBE-EXT-YFD5YCCWANAYJE2S -m comment --comment "masquerade traffic for prod/shop:https external destinations" -j KUBE-MARK-MASQ
        -A KUBE-EXT-YFD5YCCWANAYJE2S -j KUBE-SVC-YFD5YCCWANAYJE2S
        -A KUBE-FW-YFD5YCCWANAYJE2S -s 192.0.2.0/24 -m comment --comment "prod/shop:https loadbalancer IP" -j KUBE-EXT-YFD5YCCWANAYJE2S
        -A KUBE-FW-YFD5YCCWANAYJE2S -s 203.0.113.10/32 -m comment --comment "prod/shop:https loadbalancer IP" -j KUBE-EXT-YFD5YCCWANAYJE2S
        -A KUBE-SVC-YFD5YCCWANAYJE2S ! -s 10.244.0.0/16 -d 10.96.50.5/32 -p tcp -m comment --comment "prod/shop:https cluster IP" -m tcp --dport 443 -j KUBE-MARK-MASQ
        -A KUBE-SVC-YFD5YCCWANAYJE2S -m comment --comment "prod/shop:https -> 10.244.3.7:8443" -m recent --rcheck --seconds 600 --reap --name KUBE-SEP-OUQSHBR26NIZEMUP --mask 255.255.255.255 --rsource -j KUBE-SEP-OUQSHBR26NIZEMUP
        -A KUBE-SVC-YFD5YCCWANAYJE2S -m comment --comment "prod/shop:https -> 10.244.4.8:8443" -m recent --rcheck --seconds 600 --reap --name KUBE-SEP-AMNGK25PNDTLCFCZ --mask 255.255.255.255 --rsource -j KUBE-SEP-AMNGK25PNDTLCFCZ
        -A KUBE-SVC-YFD5YCCWANAYJE2S -m comment --comment "prod/shop:https -> 10.244.3.7:8443" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-OUQSHBR26NIZEMUP
        -A KUBE-SVC-YFD5YCCWANAYJE2S -m comment --comment "prod/shop:https -> 10.244.4.8:8443" -j KUBE-SEP-AMNGK25PNDTLCFCZ
        -A KUBE-SEP-OUQSHBR26NIZEMUP -s 10.244.3.7/32 -m comment --comment "prod/shop:https" -j KUBE-MARK-MASQ
        -A KUBE-SEP-OUQSHBR26NIZEMUP -p tcp -m comment --comment "prod/shop:https" -m recent --set --name KUBE-SEP-OUQSHBR26NIZEMUP --mask 255.255.255.255 --rsource -m tcp -j DNAT --to-destination 10.244.3.7:8443
        -A KUBE-SEP-AMNGK25PNDTLCFCZ -s 10.244.4.8/32 -m comment --comment "prod/shop:https" -j KUBE-MARK-MASQ
        -A KUBE-SEP-AMNGK25PNDTLCFCZ -p tcp -m comment --comment "prod/shop:https" -m recent --set --name KUBE-SEP-AMNGK25PNDTLCFCZ --mask 255.255.255.255 --rsource -m tcp -j DNAT --to-destination 10.244.4.8:8443
        COMMIT

        """;

    [Fact]
    public void Analyze_CurrentLoadBalancer_AllEntryPointsSourceRangesAffinity()
    {
        var analysis = Analyze(CurrentLoadBalancer);

        var port = Assert.Single(analysis.ServicePorts);
        Assert.Equal("prod/shop:https", port.Name);
        Assert.Equal(("prod", "shop", "https", "tcp"), (port.Namespace, port.Service, port.PortName, port.Protocol));
        Assert.Equal(("10.96.50.5", 443), (port.ClusterIP, port.ClusterPort));
        Assert.Equal(31443, port.NodePort);
        Assert.Equal(["198.51.100.7"], port.ExternalIPs);
        Assert.Equal(["203.0.113.10"], port.LoadBalancerIPs);
        Assert.Equal(["192.0.2.0/24"], port.LoadBalancerSourceRanges);
        Assert.Equal(600, port.SessionAffinitySeconds);
        Assert.Equal(TrafficPolicy.Cluster, port.ExternalTrafficPolicy);
        Assert.Equal(new ServicePortChains("KUBE-SVC-YFD5YCCWANAYJE2S", null, "KUBE-EXT-YFD5YCCWANAYJE2S", "KUBE-FW-YFD5YCCWANAYJE2S", null), port.Chains);
        Assert.Equal(["10.244.3.7:8443", "10.244.4.8:8443"], port.Endpoints.Select(e => e.Address));
        Assert.Equal([0.5, 0.5], port.Endpoints.Select(e => e.Probability!.Value));
        Assert.Equal("10.244.0.0/16", analysis.ClusterCidr);
        Assert.Empty(analysis.Findings);
    }

    private const string Before124LocalPolicy = """
        *nat
        :KUBE-SERVICES - [0:0]
        :KUBE-NODEPORTS - [0:0]
        :KUBE-MARK-MASQ - [0:0]
        :KUBE-MARK-DROP - [0:0]
        :KUBE-SVC-PFIHSTH5EH7M7ONE - [0:0]
        :KUBE-XLB-PFIHSTH5EH7M7ONE - [0:0]
        :KUBE-FW-PFIHSTH5EH7M7ONE - [0:0]
        :KUBE-SEP-DFRMOM22QNMGCOBL - [0:0]
        :KUBE-SEP-DDWU2SNGLFN77MPN - [0:0]
        -A KUBE-SERVICES ! -s 10.244.0.0/16 -d 10.96.7.7/32 -p tcp -m comment --comment "web/api:http cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ
        -A KUBE-SERVICES -d 10.96.7.7/32 -p tcp -m comment --comment "web/api:http cluster IP" -m tcp --dport 80 -j KUBE-SVC-PFIHSTH5EH7M7ONE
        -A KUBE-SERVICES -d 203.0.113.20/32 -p tcp -m comment --comment "web/api:http loadbalancer IP" -m tcp --dport 80 -j KUBE-FW-PFIHSTH5EH7M7ONE
        -A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS
        -A KUBE-NODEPORTS -s 127.0.0.0/8 -p tcp -m comment --comment "web/api:http" -m tcp --dport 30080 -j KUBE-MARK-MASQ
        -A KUBE-NODEPORTS -p tcp -m comment --comment "web/api:http" -m tcp --dport 30080 -j KUBE-XLB-PFIHSTH5EH7M7ONE
        -A KUBE-MARK-DROP -j MARK --set-xmark 0x8000/0x8000
        -A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000
        -A KUBE-FW-PFIHSTH5EH7M7ONE -m comment --comment "web/api:http loadbalancer IP" -j KUBE-XLB-PFIHSTH5EH7M7ONE
        -A KUBE-FW-PFIHSTH5EH7M7ONE -m comment --comment "web/api:http loadbalancer IP" -j KUBE-MARK-DROP
        -A KUBE-SVC-PFIHSTH5EH7M7ONE -m comment --comment "web/api:http" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-DFRMOM22QNMGCOBL
        -A KUBE-SVC-PFIHSTH5EH7M7ONE -m comment --comment "web/api:http" -j KUBE-SEP-DDWU2SNGLFN77MPN
        -A KUBE-XLB-PFIHSTH5EH7M7ONE -s 10.244.0.0/16 -m comment --comment "Redirect pods trying to reach external loadbalancer VIP to clusterIP" -j KUBE-SVC-PFIHSTH5EH7M7ONE
        -A KUBE-XLB-PFIHSTH5EH7M7ONE -m comment --comment "masquerade LOCAL traffic for web/api:http LB IP" -m addrtype --src-type LOCAL -j KUBE-MARK-MASQ
        -A KUBE-XLB-PFIHSTH5EH7M7ONE -m comment --comment "route LOCAL traffic for web/api:http LB IP to service chain" -m addrtype --src-type LOCAL -j KUBE-SVC-PFIHSTH5EH7M7ONE
        LOCAL_RULES
        -A KUBE-SEP-DFRMOM22QNMGCOBL -s 10.244.1.9/32 -m comment --comment "web/api:http" -j KUBE-MARK-MASQ
        -A KUBE-SEP-DFRMOM22QNMGCOBL -p tcp -m comment --comment "web/api:http" -m tcp -j DNAT --to-destination 10.244.1.9:80
        -A KUBE-SEP-DDWU2SNGLFN77MPN -s 10.244.2.9/32 -m comment --comment "web/api:http" -j KUBE-MARK-MASQ
        -A KUBE-SEP-DDWU2SNGLFN77MPN -p tcp -m comment --comment "web/api:http" -m tcp -j DNAT --to-destination 10.244.2.9:80
        COMMIT

        """;

    [Fact]
    public void Analyze_Before124WithLocalEndpoint_XlbCascadeGivesLocalShare()
    {
        var analysis = Analyze(Before124LocalPolicy.Replace("LOCAL_RULES",
            """-A KUBE-XLB-PFIHSTH5EH7M7ONE -m comment --comment "Balancing rule 0 for web/api:http" -j KUBE-SEP-DFRMOM22QNMGCOBL""", StringComparison.Ordinal));

        var port = Assert.Single(analysis.ServicePorts);
        Assert.Equal(("10.96.7.7", 80, 30080), (port.ClusterIP, port.ClusterPort, port.NodePort));
        Assert.Equal(["203.0.113.20"], port.LoadBalancerIPs);
        Assert.Empty(port.LoadBalancerSourceRanges);
        Assert.Equal(TrafficPolicy.Local, port.ExternalTrafficPolicy);
        Assert.Equal("KUBE-XLB-PFIHSTH5EH7M7ONE", port.Chains.Xlb);
        Assert.Equal(["10.244.1.9:80", "10.244.2.9:80"], port.Endpoints.Select(e => e.Address));
        Assert.Equal([1.0, null], port.Endpoints.Select(e => e.LocalProbability));
        Assert.Equal([0.5, 0.5], port.Endpoints.Select(e => e.Probability!.Value));
        Assert.True(port.HasLocalEndpoints);
        Assert.Equal("10.244.0.0/16", analysis.ClusterCidr);
        Assert.Empty(analysis.Findings);
    }

    [Fact]
    public void Analyze_Before124WithoutLocalEndpoint_MarkDropMeansNoLocalEndpoints()
    {
        var analysis = Analyze(Before124LocalPolicy.Replace("LOCAL_RULES",
            """-A KUBE-XLB-PFIHSTH5EH7M7ONE -m comment --comment "web/api:http has no local endpoints" -j KUBE-MARK-DROP""", StringComparison.Ordinal));

        var port = Assert.Single(analysis.ServicePorts);
        Assert.False(port.HasLocalEndpoints);
        Assert.True(port.HasEndpoints);
        Assert.All(port.Endpoints, e => Assert.Null(e.LocalProbability));
        var finding = Assert.Single(analysis.Findings);
        Assert.Equal(FindingCodes.NoLocalEndpoints, finding.Code);
        Assert.Equal("nat/KUBE-XLB-PFIHSTH5EH7M7ONE#4", Assert.Single(finding.Evidence).Rule);
    }

    [Fact]
    public void Analyze_CurrentLocalPolicies_HealthCheckAndInternalDrop()
    {
        var analysis = Analyze("""
            *filter
            :KUBE-SERVICES - [0:0]
            :KUBE-EXTERNAL-SERVICES - [0:0]
            :KUBE-NODEPORTS - [0:0]
            -A KUBE-NODEPORTS -p tcp -m comment --comment "web/api:http health check node port" -m tcp --dport 32100 -j ACCEPT
            -A KUBE-SERVICES -d 10.96.7.7/32 -p tcp -m comment --comment "web/api:http has no local endpoints" -m tcp --dport 80 -j DROP
            -A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment "web/api:http has no local endpoints" -m addrtype --dst-type LOCAL -m tcp --dport 30080 -j DROP
            COMMIT
            *nat
            :KUBE-NODEPORTS - [0:0]
            :KUBE-EXT-PFIHSTH5EH7M7ONE - [0:0]
            :KUBE-MARK-MASQ - [0:0]
            :KUBE-SVC-PFIHSTH5EH7M7ONE - [0:0]
            :KUBE-SEP-DDWU2SNGLFN77MPN - [0:0]
            -A KUBE-NODEPORTS -p tcp -m comment --comment "web/api:http" -m tcp --dport 30080 -j KUBE-EXT-PFIHSTH5EH7M7ONE
            -A KUBE-EXT-PFIHSTH5EH7M7ONE -s 10.244.0.0/16 -m comment --comment "pod traffic for web/api:http external destinations" -j KUBE-SVC-PFIHSTH5EH7M7ONE
            -A KUBE-EXT-PFIHSTH5EH7M7ONE -m comment --comment "masquerade LOCAL traffic for web/api:http external destinations" -m addrtype --src-type LOCAL -j KUBE-MARK-MASQ
            -A KUBE-EXT-PFIHSTH5EH7M7ONE -m comment --comment "route LOCAL traffic for web/api:http external destinations" -m addrtype --src-type LOCAL -j KUBE-SVC-PFIHSTH5EH7M7ONE
            -A KUBE-SVC-PFIHSTH5EH7M7ONE -m comment --comment "web/api:http -> 10.244.2.9:80" -j KUBE-SEP-DDWU2SNGLFN77MPN
            -A KUBE-SEP-DDWU2SNGLFN77MPN -p tcp -m comment --comment "web/api:http" -m tcp -j DNAT --to-destination 10.244.2.9:80
            COMMIT

            """);

        var port = Assert.Single(analysis.ServicePorts);
        Assert.Equal(TrafficPolicy.Local, port.ExternalTrafficPolicy);
        Assert.Equal(TrafficPolicy.Local, port.InternalTrafficPolicy);
        Assert.Equal(32100, port.HealthCheckNodePort);
        Assert.Equal((30080, "10.96.7.7", 80), (port.NodePort, port.ClusterIP, port.ClusterPort));
        Assert.False(port.HasLocalEndpoints);
        Assert.True(port.HasEndpoints);
        Assert.Equal("10.244.2.9:80", Assert.Single(port.Endpoints).Address);
    }

    [Fact]
    public void Analyze_LargeClusterWithoutComments_EndpointsByJumpConfirmedByHash()
    {
        var analysis = Analyze(LargeCluster("10.244.2.6:8080"));

        var port = Assert.Single(analysis.ServicePorts);
        Assert.Equal("default/big:http", port.Name);
        Assert.Equal(["10.244.1.5:8080", "10.244.2.6:8080"], port.Endpoints.Select(e => e.Address));
        Assert.Equal([0.5, 0.5], port.Endpoints.Select(e => e.Probability!.Value));
        Assert.All(port.Endpoints, e => Assert.Null(e.CommentAddress));
        Assert.Empty(analysis.Findings);
    }

    [Fact]
    public void Analyze_LargeClusterChainOfAnotherEndpoint_ChainNameMismatch()
    {
        var analysis = Analyze(LargeCluster("10.244.2.99:8080"));

        var finding = Assert.Single(analysis.Findings);
        Assert.Equal(FindingCodes.ChainNameMismatch, finding.Code);
        Assert.Equal("nat/KUBE-SEP-5E7IRTRVE53L6RTU", finding.Subject);
        Assert.Equal("nat/KUBE-SEP-5E7IRTRVE53L6RTU#2", Assert.Single(finding.Evidence).Rule);
    }

    internal static string LargeCluster(string secondEndpoint) => $"""
        *nat
        :KUBE-SERVICES - [0:0]
        :KUBE-MARK-MASQ - [0:0]
        :KUBE-SVC-2R7E4KH6P6RITCOU - [0:0]
        :KUBE-SEP-5GHD6F6DQ7JAZKDC - [0:0]
        :KUBE-SEP-5E7IRTRVE53L6RTU - [0:0]
        -A KUBE-SERVICES -d 10.96.9.9/32 -p tcp -m comment --comment "default/big:http cluster IP" -m tcp --dport 80 -j KUBE-SVC-2R7E4KH6P6RITCOU
        -A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000
        -A KUBE-SVC-2R7E4KH6P6RITCOU ! -s 10.244.0.0/16 -d 10.96.9.9/32 -p tcp -m comment --comment "default/big:http cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ
        -A KUBE-SVC-2R7E4KH6P6RITCOU -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-5GHD6F6DQ7JAZKDC
        -A KUBE-SVC-2R7E4KH6P6RITCOU -j KUBE-SEP-5E7IRTRVE53L6RTU
        -A KUBE-SEP-5GHD6F6DQ7JAZKDC -s 10.244.1.5/32 -j KUBE-MARK-MASQ
        -A KUBE-SEP-5GHD6F6DQ7JAZKDC -p tcp -m tcp -j DNAT --to-destination 10.244.1.5:8080
        -A KUBE-SEP-5E7IRTRVE53L6RTU -s 10.244.2.6/32 -j KUBE-MARK-MASQ
        -A KUBE-SEP-5E7IRTRVE53L6RTU -p tcp -m tcp -j DNAT --to-destination {secondEndpoint}
        COMMIT

        """;

    [Fact]
    public void Analyze_IpvsMode_ReportsModeWithoutInventingServices()
    {
        var analysis = Analyze("""
            *nat
            :KUBE-SERVICES - [0:0]
            :KUBE-MARK-MASQ - [0:0]
            :KUBE-NODE-PORT - [0:0]
            -A KUBE-SERVICES ! -s 10.244.0.0/16 -m comment --comment "Kubernetes service cluster ip + port for masquerade purpose" -m set --match-set KUBE-CLUSTER-IP dst,dst -j KUBE-MARK-MASQ
            -A KUBE-SERVICES -m addrtype --dst-type LOCAL -j KUBE-NODE-PORT
            -A KUBE-SERVICES -m set --match-set KUBE-CLUSTER-IP dst,dst -j ACCEPT
            -A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000
            COMMIT

            """);

        Assert.Equal(ProxyMode.Ipvs, analysis.Mode);
        Assert.Empty(analysis.ServicePorts);
        Assert.Null(analysis.ClusterCidr);
    }

    [Fact]
    public void Analyze_NoKubeProxy_ModeNone()
    {
        var analysis = Analyze("""
            *nat
            :POSTROUTING ACCEPT [0:0]
            :DOCKER - [0:0]
            -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
            -A DOCKER -d 172.17.0.1/32 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80
            COMMIT

            """);

        Assert.Equal(ProxyMode.None, analysis.Mode);
        Assert.Empty(analysis.ServicePorts);
    }

    [Fact]
    public void Analyze_CniHostPortDnat_NoService()
    {
        var analysis = Analyze("""
            *nat
            :PREROUTING ACCEPT [0:0]
            :CNI-HOSTPORT-DNAT - [0:0]
            :CNI-DN-3f5c2a1b9e8d7c6b5a493 - [0:0]
            -A PREROUTING -m addrtype --dst-type LOCAL -j CNI-HOSTPORT-DNAT
            -A CNI-HOSTPORT-DNAT -p tcp -m comment --comment "dnat name: \"cbr0\" id: \"5e1c0b9a\"" -m multiport --dports 8080 -j CNI-DN-3f5c2a1b9e8d7c6b5a493
            -A CNI-DN-3f5c2a1b9e8d7c6b5a493 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 10.244.0.7:80
            COMMIT

            """);

        Assert.Equal(ProxyMode.None, analysis.Mode);
        Assert.Empty(analysis.ServicePorts);
        Assert.Empty(analysis.Findings);
    }

    [Fact]
    public void Analyze_Ipv6Dump_BracketedEndpointsAndV6ClusterCidr()
    {
        var analysis = Analyze("""
            # Generated by ip6tables-save v1.8.9 (nf_tables) on Fri Nov 27 01:00:00 2026
            *nat
            :KUBE-SERVICES - [0:0]
            :KUBE-MARK-MASQ - [0:0]
            :KUBE-SVC-CDGGSHYLG3RE2FKL - [0:0]
            :KUBE-SEP-VBF3M44FXEMK7CYW - [0:0]
            :KUBE-SEP-2ADN3J2QKZ4P7CZN - [0:0]
            -A KUBE-SERVICES -d fd00:10:96::a/128 -p tcp -m comment --comment "default/web:http cluster IP" -m tcp --dport 80 -j KUBE-SVC-CDGGSHYLG3RE2FKL
            -A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000
            -A KUBE-SVC-CDGGSHYLG3RE2FKL ! -s fd00:10:244::/56 -d fd00:10:96::a/128 -p tcp -m comment --comment "default/web:http cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ
            -A KUBE-SVC-CDGGSHYLG3RE2FKL -m comment --comment "default/web:http -> [fd00:10:244::5]:8080" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-VBF3M44FXEMK7CYW
            -A KUBE-SVC-CDGGSHYLG3RE2FKL -m comment --comment "default/web:http -> [fd00:10:244:1::6]:8080" -j KUBE-SEP-2ADN3J2QKZ4P7CZN
            -A KUBE-SEP-VBF3M44FXEMK7CYW -s fd00:10:244::5/128 -m comment --comment "default/web:http" -j KUBE-MARK-MASQ
            -A KUBE-SEP-VBF3M44FXEMK7CYW -p tcp -m comment --comment "default/web:http" -m tcp -j DNAT --to-destination [fd00:10:244::5]:8080
            -A KUBE-SEP-2ADN3J2QKZ4P7CZN -s fd00:10:244:1::6/128 -m comment --comment "default/web:http" -j KUBE-MARK-MASQ
            -A KUBE-SEP-2ADN3J2QKZ4P7CZN -p tcp -m comment --comment "default/web:http" -m tcp -j DNAT --to-destination [fd00:10:244:1::6]:8080
            COMMIT

            """);

        Assert.Equal(IpFamily.IPv6, analysis.Family);
        Assert.Equal("fd00:10:244::/56", analysis.ClusterCidr);
        var port = Assert.Single(analysis.ServicePorts);
        Assert.Equal(("fd00:10:96::a", 80), (port.ClusterIP, port.ClusterPort));
        Assert.Equal(["[fd00:10:244::5]:8080", "[fd00:10:244:1::6]:8080"], port.Endpoints.Select(e => e.Address));
        Assert.Equal([0.5, 0.5], port.Endpoints.Select(e => e.Probability!.Value));
        Assert.Empty(analysis.Findings);
    }
}
