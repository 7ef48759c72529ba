using System.Net;
using NetView.Core.Iptables;
using NetView.Core.KubeProxy.Simulation;

namespace NetView.EndToEnd.Tests.Live;

/// <summary>
/// The cluster of the live-path end-to-end test, as the generator writes it for one node: a
/// plain service, one with ClientIP affinity, one without endpoints. Every endpoint address is
/// put inside the namespace, with a listener.
/// </summary>
internal static class LivePathCluster
{
    public const string Node = "e2e-node";

    public static readonly ClusterSpec Spec = new(
        IpFamily.IPv4,
        "10.244.0.0/16",
        [new NodeSpec(Node, ["192.168.77.10"])],
        [
            new ServiceSpec("shop", "web", ServiceType.ClusterIP, "10.96.10.20",
                [new ServicePortSpec("http", "tcp", 80, 8080)],
                [new EndpointSpec("10.244.7.10", Node), new EndpointSpec("10.244.7.11", Node)]),
            new ServiceSpec("shop", "cache", ServiceType.ClusterIP, "10.96.10.30",
                [new ServicePortSpec("redis", "tcp", 6379, 6379)],
                [new EndpointSpec("10.244.7.20", Node), new EndpointSpec("10.244.7.21", Node), new EndpointSpec("10.244.7.22", Node)])
            { SessionAffinitySeconds = 10800 },
            new ServiceSpec("shop", "empty", ServiceType.ClusterIP, "10.96.10.40",
                [new ServicePortSpec("http", "tcp", 80, 8080)], []),
        ]);

    public static string Rules => KubeProxyRulesWriter.Write(Spec, Spec.Nodes[0], RulesWriterOptions.Default);

    /// <summary>Every endpoint as ip:port.</summary>
    public static IEnumerable<IPEndPoint> Endpoints =>
        Spec.Services.SelectMany(s => s.Endpoints.SelectMany(e => s.Ports.Select(p => new IPEndPoint(IPAddress.Parse(e.Address), p.TargetPort))));

    public static IPEndPoint ClusterIp(string service) =>
        Spec.Services.Single(s => s.Name == service) is var spec ? new IPEndPoint(IPAddress.Parse(spec.ClusterIP), spec.Ports[0].Port) : throw new ArgumentException(service);
}
