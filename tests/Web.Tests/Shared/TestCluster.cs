using NetView.Core.Iptables;
using NetView.Core.KubeProxy.Simulation;

namespace NetView.Web.Tests.Shared;

/// <summary>
/// A small cluster's kube-proxy rules from the generator: shop/web:http with two endpoints,
/// shop/cache with ClientIP affinity and three, shop/empty without endpoints.
/// </summary>
internal static class TestCluster
{
    public static readonly NodeSpec NodeA = new("node-a", ["192.168.0.10"]);
    public static readonly NodeSpec NodeB = new("node-b", ["192.168.0.11"]);

    public static ClusterSpec Spec(params ServiceSpec[] extra) => new(
        IpFamily.IPv4,
        "10.244.0.0/16",
        [NodeA, NodeB],
        [
            new ServiceSpec("shop", "web", ServiceType.ClusterIP, "10.96.0.20",
                [new ServicePortSpec("http", "tcp", 80, 8080)],
                [new EndpointSpec("10.244.1.10", "node-a"), new EndpointSpec("10.244.2.10", "node-b")]),
            new ServiceSpec("shop", "cache", ServiceType.ClusterIP, "10.96.0.30",
                [new ServicePortSpec("redis", "tcp", 6379, 6379)],
                [new EndpointSpec("10.244.1.20", "node-a"), new EndpointSpec("10.244.1.21", "node-a"), new EndpointSpec("10.244.2.20", "node-b")])
            { SessionAffinitySeconds = 10800 },
            new ServiceSpec("shop", "empty", ServiceType.ClusterIP, "10.96.0.40",
                [new ServicePortSpec("http", "tcp", 80, 8080)], []),
            .. extra,
        ]);

    /// <summary>The rules of a node as <c>iptables-save</c> (no counters) prints them.</summary>
    public static string Rules(NodeSpec node, ClusterSpec? spec = null) =>
        KubeProxyRulesWriter.Write(spec ?? Spec(), node, RulesWriterOptions.Default);

    /// <summary>Node A's rules repeated until the text is longer than <paramref name="bytes"/>: a body past an upload limit.</summary>
    public static string RulesLongerThan(int bytes)
    {
        var body = new System.Text.StringBuilder();
        while (body.Length <= bytes)
        {
            body.Append(Rules(NodeA));
        }

        return body.ToString();
    }
}
