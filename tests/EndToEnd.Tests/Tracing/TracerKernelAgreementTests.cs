using System.Net;
using NetView.Core.Analysis;
using NetView.Core.Analysis.Tracing;
using NetView.Core.Iptables;
using NetView.Core.KubeProxy.Simulation;
using NetView.EndToEnd.Tests.Harness;

namespace NetView.EndToEnd.Tests.Tracing;

/// <summary>
/// The tracer against the kernel: generated kube-proxy rules loaded into a network namespace,
/// real connections from the node itself (nat OUTPUT) to each ClusterIP, and the kernel's own
/// counters of each endpoint's DNAT rule compared with the tracer's weights.
/// </summary>
public sealed class TracerKernelAgreementTests
{
    private const int Connections = 300;
    private const string Node = "agreement-node";

    private static readonly ClusterSpec Cluster = new(
        IpFamily.IPv4,
        "10.244.0.0/16",
        [new NodeSpec(Node, ["192.168.78.10"])],
        [
            new ServiceSpec("agree", "pair", ServiceType.ClusterIP, "10.96.20.10",
                [new ServicePortSpec("http", "tcp", 80, 8080)],
                [new EndpointSpec("10.244.8.10", Node), new EndpointSpec("10.244.8.11", Node)]),
            new ServiceSpec("agree", "five", ServiceType.ClusterIP, "10.96.20.20",
                [new ServicePortSpec("http", "tcp", 80, 8080)],
                [.. Enumerable.Range(20, 5).Select(i => new EndpointSpec($"10.244.8.{i}", Node))]),
            new ServiceSpec("agree", "sticky", ServiceType.ClusterIP, "10.96.20.30",
                [new ServicePortSpec("redis", "tcp", 6379, 6379)],
                [new EndpointSpec("10.244.8.30", Node), new EndpointSpec("10.244.8.31", Node), new EndpointSpec("10.244.8.32", Node)])
            { SessionAffinitySeconds = 10800 },
        ]);

    [Fact]
    public async Task Tracer_RealConnectionsThroughNatOutput_AgreeWithKernelCounters()
    {
        using var network = NetworkNamespace.Create();
        var rulesText = KubeProxyRulesWriter.Write(Cluster, Cluster.Nodes[0], RulesWriterOptions.Default);
        foreach (var service in Cluster.Services)
        {
            foreach (var endpoint in service.Endpoints)
            {
                var address = IPAddress.Parse(endpoint.Address);
                network.AddAddress(address);
                network.Listen(new IPEndPoint(address, service.Ports[0].TargetPort));
            }
        }

        network.RestoreIptables(rulesText);
        var rules = IptablesParser.Parse(rulesText);

        foreach (var service in Cluster.Services.Where(s => s.SessionAffinitySeconds is null))
        {
            var clusterIp = new IPEndPoint(IPAddress.Parse(service.ClusterIP), service.Ports[0].Port);
            var before = DnatCounts(network, service);
            var outcome = await network.ConnectAsync(clusterIp, Connections);
            Assert.Equal(Connections, outcome.Established);
            var observed = DnatCounts(network, service).Zip(before, (after, b) => after - b).ToArray();

            var trace = PacketTracer.Trace(rules, new TracePacket(network.NamespaceAddress, clusterIp.Address, clusterIp.Port, null, "tcp", PacketOrigin.Local, [network.NamespaceAddress]));
            var weights = service.Endpoints.Select(e => trace.ProbabilityOf($"{e.Address}:{service.Ports[0].TargetPort}")).ToArray();

            Assert.Equal(Connections, observed.Sum());
            Assert.Equal(1.0, weights.Sum(), 1e-9);
            var test = ChiSquare.Test(observed, weights);
            Assert.True(test.PValue > 0.001, $"{service.Name}: observed [{string.Join(", ", observed)}] against weights [{string.Join(", ", weights)}]: chi-square {test.Statistic}, p {test.PValue}");
        }
    }

    [Fact]
    public async Task Tracer_ClientIpAffinity_RepeatedConnectionsLandOnOneEndpointAsTraced()
    {
        using var network = NetworkNamespace.Create();
        var service = Cluster.Services.Single(s => s.Name == "sticky");
        var rulesText = KubeProxyRulesWriter.Write(Cluster, Cluster.Nodes[0], RulesWriterOptions.Default);
        foreach (var endpoint in service.Endpoints)
        {
            var address = IPAddress.Parse(endpoint.Address);
            network.AddAddress(address);
            network.Listen(new IPEndPoint(address, service.Ports[0].TargetPort));
        }

        network.RestoreIptables(rulesText);
        var clusterIp = new IPEndPoint(IPAddress.Parse(service.ClusterIP), service.Ports[0].Port);

        var outcome = await network.ConnectAsync(clusterIp, 50);
        var observed = DnatCounts(network, service);

        Assert.Equal(50, outcome.Established);
        Assert.Single(observed, count => count > 0);
        Assert.Equal(50, observed.Sum());

        // The tracer: a returning client goes back to the endpoint its first connection reached.
        var trace = PacketTracer.Trace(IptablesParser.Parse(rulesText), new TracePacket(network.NamespaceAddress, clusterIp.Address, clusterIp.Port, null, "tcp", PacketOrigin.Local, [network.NamespaceAddress]));
        var returning = trace.Outcomes.Where(o => o.Explanations.Any(e => e.StartsWith("Session affinity: this client was seen before", StringComparison.Ordinal))).ToList();
        Assert.Equal(3, returning.Count);
        foreach (var branch in returning)
        {
            var sep = branch.Explanations.First(e => e.StartsWith("Session affinity: this client was seen before", StringComparison.Ordinal)).Split(' ')[8];
            var dnat = branch.Rules.Single(r => r.Target.Name == "DNAT");
            Assert.Equal(sep, dnat.Chain);
            Assert.Equal(branch.Destination, dnat.Target.Option("--to-destination")!.Value);
        }

        foreach (var endpoint in service.Endpoints)
        {
            Assert.Equal(1 / 3.0, trace.ProbabilityOf($"{endpoint.Address}:6379"), 1e-9);
        }
    }

    // The kernel's counters of each endpoint's DNAT rule: nat sees only first packets, so connections.
    private static long[] DnatCounts(NetworkNamespace network, ServiceSpec service)
    {
        var saved = IptablesParser.Parse(network.SaveIptables());
        var nat = saved.Table("nat")!;
        return service.Endpoints.Select(e =>
        {
            var to = $"{e.Address}:{service.Ports[0].TargetPort}";
            return nat.Chains.SelectMany(c => c.Rules)
                .Where(r => r.Target.Name == "DNAT" && r.Target.Option("--to-destination")?.Value == to)
                .Sum(r => r.Counters?.Packets ?? 0);
        }).ToArray();
    }
}
