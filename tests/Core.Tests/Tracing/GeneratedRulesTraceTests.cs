using System.Net;
using NetView.Core.Analysis.Tracing;
using NetView.Core.Iptables;
using NetView.Core.KubeProxy;
using NetView.Core.KubeProxy.Simulation;

namespace NetView.Core.Tests.Tracing;

/// <summary>Traces through the generator's kube-proxy 1.28+ output: the shapes kube-proxy writes today.</summary>
public sealed class GeneratedRulesTraceTests
{
    private static readonly NodeSpec NodeA = new("node-a", ["192.168.1.10"]);
    private static readonly NodeSpec NodeB = new("node-b", ["192.168.1.11"]);

    private static readonly ClusterSpec Cluster = new(IpFamily.IPv4, "10.244.0.0/16", [NodeA, NodeB],
    [
        new ServiceSpec("default", "web", ServiceType.NodePort, "10.96.0.10", [new ServicePortSpec("http", "TCP", 80, 8080, 30080)],
            [new EndpointSpec("10.244.1.5", "node-a"), new EndpointSpec("10.244.2.6", "node-b"), new EndpointSpec("10.244.2.7", "node-b")]),
        new ServiceSpec("default", "local", ServiceType.NodePort, "10.96.0.30", [new ServicePortSpec("http", "TCP", 80, 80, 30030)],
            [new EndpointSpec("10.244.1.8", "node-a"), new EndpointSpec("10.244.2.9", "node-b")])
        {
            ExternalTrafficPolicy = TrafficPolicy.Local,
        },
        new ServiceSpec("default", "sticky", ServiceType.ClusterIP, "10.96.0.70", [new ServicePortSpec("http", "TCP", 80, 80)],
            [new EndpointSpec("10.244.1.14", "node-a"), new EndpointSpec("10.244.2.15", "node-b")])
        {
            SessionAffinitySeconds = 10800,
        },
    ]);

    private static TraceResult Trace(NodeSpec node, string src, string dst, int port, PacketOrigin from)
    {
        var rules = IptablesParser.Parse(KubeProxyRulesWriter.Write(Cluster, node));
        var packet = new TracePacket(IPAddress.Parse(src), IPAddress.Parse(dst), port, null, "tcp", from, [IPAddress.Parse(node.Addresses[0])]);
        var result = PacketTracer.Trace(rules, packet);
        Assert.Equal(1.0, result.Outcomes.Sum(o => o.Probability), 1e-9);
        return result;
    }

    [Fact]
    public void Trace_PodToGeneratedClusterIp_SplitsEvenlyOverThreeEndpoints()
    {
        var result = Trace(NodeA, "10.244.1.2", "10.96.0.10", 80, PacketOrigin.Pod);

        foreach (var endpoint in new[] { "10.244.1.5:8080", "10.244.2.6:8080", "10.244.2.7:8080" })
        {
            Assert.Equal(1 / 3.0, result.ProbabilityOf(endpoint), 1e-9);
        }

        Assert.All(result.Outcomes, o => Assert.False(o.Masquerade));
    }

    [Fact]
    public void Trace_ExternalToGeneratedNodePort_MasqueradesEveryEndpoint()
    {
        var result = Trace(NodeB, "203.0.113.9", "192.168.1.11", 30080, PacketOrigin.External);

        Assert.Equal(3, result.Outcomes.Count);
        Assert.All(result.Outcomes, o => Assert.True(o.Masquerade));
    }

    [Fact]
    public void Trace_ExternalToLocalPolicyNodePort_StaysOnTheNodeAndKeepsTheSource()
    {
        var result = Trace(NodeA, "203.0.113.9", "192.168.1.10", 30030, PacketOrigin.External);

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal("10.244.1.8:80", outcome.Destination);
        Assert.False(outcome.Masquerade);
    }

    [Fact]
    public void Trace_GeneratedAffinity_KeepsEqualSharesAndExplainsReturningClients()
    {
        var result = Trace(NodeA, "10.244.1.2", "10.96.0.70", 80, PacketOrigin.Pod);

        Assert.Equal(0.5, result.ProbabilityOf("10.244.1.14:80"), 1e-9);
        Assert.Equal(0.5, result.ProbabilityOf("10.244.2.15:80"), 1e-9);
        Assert.Contains(result.Outcomes, o => o.Explanations.Any(e => e.StartsWith("Session affinity: this client was seen before", StringComparison.Ordinal)));
    }
}
