using NetView.Core.Analysis.Tracing;

namespace NetView.Core.Tests.Tracing;

/// <summary>The cases kube-proxy's own test tracer (pkg/proxy/iptables/proxier_test.go) covers, with weights.</summary>
public sealed class KubeProxyTraceTests
{
    public static TheoryData<string, string, string, int, string, PacketOrigin, string[]> Cases => new()
    {
        { "pod to ClusterIP", "10.244.1.2", "10.96.0.10", 80, "tcp", PacketOrigin.Pod,
            ["0.5 DNAT 10.244.1.5:8080", "0.5 DNAT 10.244.2.6:8080"] },
        { "pod to its own service (hairpin)", "10.244.1.5", "10.96.0.10", 80, "tcp", PacketOrigin.Pod,
            ["0.5 DNAT 10.244.1.5:8080 masq", "0.5 DNAT 10.244.2.6:8080"] },
        { "external to ClusterIP", "192.168.1.99", "10.96.0.10", 80, "tcp", PacketOrigin.External,
            ["0.5 DNAT 10.244.1.5:8080 masq", "0.5 DNAT 10.244.2.6:8080 masq"] },
        { "external to NodePort", "203.0.113.99", NodeDump.NodeIp, 30080, "tcp", PacketOrigin.External,
            ["0.5 DNAT 10.244.1.5:8080 masq", "0.5 DNAT 10.244.2.6:8080 masq"] },
        { "external to an unused node port", "203.0.113.99", NodeDump.NodeIp, 30999, "tcp", PacketOrigin.External,
            ["1 RETURN-TO-POLICY 192.168.1.10:30999"] },
        { "load balancer, source allowed", "198.51.100.7", "203.0.113.10", 80, "tcp", PacketOrigin.External,
            ["1 DNAT 10.244.2.7:80 masq"] },
        { "load balancer, source denied", "192.0.2.7", "203.0.113.10", 80, "tcp", PacketOrigin.External,
            ["1 DROP -"] },
        { "Local policy, external to NodePort with a local endpoint", "203.0.113.99", NodeDump.NodeIp, 30030, "tcp", PacketOrigin.External,
            ["1 DNAT 10.244.1.8:80"] },
        { "Local policy, pod to NodePort goes cluster-wide", "10.244.1.2", NodeDump.NodeIp, 30030, "tcp", PacketOrigin.Pod,
            ["0.5 DNAT 10.244.1.8:80", "0.5 DNAT 10.244.2.9:80"] },
        { "Local policy, no local endpoints", "203.0.113.99", NodeDump.NodeIp, 30031, "tcp", PacketOrigin.External,
            ["1 DROP -"] },
        { "no endpoints, ClusterIP", "10.244.1.2", "10.96.0.50", 80, "tcp", PacketOrigin.Pod,
            ["1 REJECT -"] },
        { "no endpoints, NodePort", "203.0.113.99", NodeDump.NodeIp, 30050, "tcp", PacketOrigin.External,
            ["1 REJECT -"] },
        { "DNS over TCP", "10.244.1.2", "10.96.0.60", 53, "tcp", PacketOrigin.Pod,
            ["1 DNAT 10.244.1.11:53"] },
        { "DNS over UDP, same port", "10.244.1.2", "10.96.0.60", 53, "udp", PacketOrigin.Pod,
            ["1 DNAT 10.244.2.12:53"] },
        { "DNS over SCTP, same port", "10.244.1.2", "10.96.0.60", 53, "sctp", PacketOrigin.Pod,
            ["1 DNAT 10.244.2.13:53"] },
        { "host to ClusterIP via OUTPUT", NodeDump.NodeIp, "10.96.0.10", 80, "tcp", PacketOrigin.Local,
            ["0.5 DNAT 10.244.1.5:8080 masq", "0.5 DNAT 10.244.2.6:8080 masq"] },
        { "host to its own NodePort via OUTPUT and loopback", NodeDump.NodeIp, NodeDump.NodeIp, 30080, "tcp", PacketOrigin.Local,
            ["0.5 DNAT 10.244.1.5:8080 masq", "0.5 DNAT 10.244.2.6:8080 masq"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Trace_KubeProxyCase_GivesWeightedOutcomes(string name, string src, string dst, int dport, string proto, PacketOrigin from, string[] expected)
    {
        var result = TraceAssert.Trace(NodeDump.Text, src, dst, dport, proto, from);

        Assert.True(expected.SequenceEqual(TraceAssert.Lines(result)), $"{name}: got {string.Join(" | ", TraceAssert.Lines(result))}");
    }

    [Fact]
    public void Trace_PodToClusterIp_PathNamesEveryMatchedRule()
    {
        var result = TraceAssert.Trace(NodeDump.Text, "10.244.1.2", "10.96.0.10", 80);

        var first = result.Outcomes.Single(o => o.Destination == "10.244.1.5:8080");
        Assert.Equal(
            ["nat/PREROUTING#1", "nat/KUBE-SERVICES#1", "nat/KUBE-SVC-WEBHTTP00000000#2", "nat/KUBE-SEP-WEB100000000000#2",
             "filter/FORWARD#1", "filter/FORWARD#2", "filter/FORWARD#3", "filter/FORWARD#4",
             "nat/POSTROUTING#1", "nat/KUBE-POSTROUTING#1"],
            first.Path);
        Assert.Equal("DNAT", first.Verdict);
        Assert.False(first.Masquerade);
    }

    [Fact]
    public void Trace_Hairpin_MarksInSepChainAndMasqueradesInPostrouting()
    {
        var result = TraceAssert.Trace(NodeDump.Text, "10.244.1.5", "10.96.0.10", 80);

        var hairpin = result.Outcomes.Single(o => o.Destination == "10.244.1.5:8080");
        Assert.Contains("nat/KUBE-SEP-WEB100000000000#1", hairpin.Path);
        Assert.Contains("nat/KUBE-MARK-MASQ#1", hairpin.Path);
        Assert.Contains("filter/KUBE-FORWARD#2", hairpin.Path);
        Assert.Equal("nat/KUBE-POSTROUTING#3", hairpin.Path[^1]);
        Assert.Contains(hairpin.Explanations, e => e.StartsWith("masqueraded by nat/KUBE-POSTROUTING#3", StringComparison.Ordinal));
    }

    [Fact]
    public void Trace_NoEndpoints_ExplainsTheReject()
    {
        var result = TraceAssert.Trace(NodeDump.Text, "10.244.1.2", "10.96.0.50", 80);

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(["nat/PREROUTING#1", "filter/FORWARD#1", "filter/FORWARD#2", "filter/FORWARD#3", "filter/KUBE-SERVICES#1"], outcome.Path);
        Assert.Contains("rejected by filter/KUBE-SERVICES#1 (icmp-port-unreachable): \"default/empty:http has no endpoints\"", outcome.Explanations);
    }
}
