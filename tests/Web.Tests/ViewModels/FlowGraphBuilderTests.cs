using NetView.Core.Iptables;
using NetView.Core.KubeProxy;
using NetView.Web.Kubernetes;
using NetView.Web.ViewModels;

namespace NetView.Web.Tests.ViewModels;

public sealed class FlowGraphBuilderTests
{
    // kube-proxy 1.29 shapes: NodePort through KUBE-EXT, masquerade in KUBE-SVC and KUBE-EXT, three endpoints.
    private const string Dump = """
        *nat
        :PREROUTING ACCEPT [0:0]
        :KUBE-SERVICES - [0:0]
        :KUBE-NODEPORTS - [0:0]
        :KUBE-MARK-MASQ - [0:0]
        :KUBE-SVC-WEB - [0:0]
        :KUBE-EXT-WEB - [0:0]
        :KUBE-SEP-AAA - [0:0]
        :KUBE-SEP-BBB - [0:0]
        :KUBE-SEP-CCC - [0:0]
        :KUBE-SVC-OTHER - [0:0]
        [900:54000] -A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
        [600:36000] -A KUBE-SERVICES -d 10.96.0.20/32 -p tcp -m comment --comment "shop/web:http cluster IP" -m tcp --dport 80 -j KUBE-SVC-WEB
        [5:300] -A KUBE-SERVICES -d 10.96.0.30/32 -p tcp -m comment --comment "shop/web-admin:http cluster IP" -m tcp --dport 80 -j KUBE-SVC-OTHER
        [300:18000] -A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS
        [300:18000] -A KUBE-NODEPORTS -p tcp -m comment --comment "shop/web:http" -m tcp --dport 30080 -j KUBE-EXT-WEB
        [300:18000] -A KUBE-EXT-WEB -m comment --comment "masquerade traffic for shop/web:http external destinations" -j KUBE-MARK-MASQ
        [300:18000] -A KUBE-EXT-WEB -j KUBE-SVC-WEB
        [2:120] -A KUBE-SVC-WEB ! -s 10.244.0.0/16 -d 10.96.0.20/32 -p tcp -m comment --comment "shop/web:http cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ
        [310:18600] -A KUBE-SVC-WEB -m comment --comment "shop/web:http -> 10.244.1.5:8080" -m statistic --mode random --probability 0.33333333349 -j KUBE-SEP-AAA
        [290:17400] -A KUBE-SVC-WEB -m comment --comment "shop/web:http -> 10.244.2.6:8080" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-BBB
        [300:18000] -A KUBE-SVC-WEB -m comment --comment "shop/web:http -> 10.244.3.7:8080" -j KUBE-SEP-CCC
        [0:0] -A KUBE-SEP-AAA -s 10.244.1.5/32 -m comment --comment "shop/web:http" -j KUBE-MARK-MASQ
        [310:18600] -A KUBE-SEP-AAA -p tcp -m comment --comment "shop/web:http" -m tcp -j DNAT --to-destination 10.244.1.5:8080
        [290:17400] -A KUBE-SEP-BBB -p tcp -m comment --comment "shop/web:http" -m tcp -j DNAT --to-destination 10.244.2.6:8080
        [300:18000] -A KUBE-SEP-CCC -p tcp -m comment --comment "shop/web:http" -m tcp -j DNAT --to-destination 10.244.3.7:8080
        COMMIT
        *filter
        :KUBE-SERVICES - [0:0]
        [7:420] -A KUBE-SERVICES -d 10.96.0.40/32 -p tcp -m comment --comment "shop/cart:http has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable
        COMMIT
        """;

    private static readonly ServiceFlowSpec Web = new(
        "shop/web:http",
        ["KUBE-SVC-WEB", "KUBE-EXT-WEB"],
        [
            new EndpointInfo("KUBE-SEP-AAA", "10.244.1.5:8080", 1 / 3.0, null),
            new EndpointInfo("KUBE-SEP-BBB", "10.244.2.6:8080", 1 / 3.0, null),
            new EndpointInfo("KUBE-SEP-CCC", "10.244.3.7:8080", 1 / 3.0, null),
        ]);

    private static FamilyRules Rules()
    {
        var rules = IptablesParser.Parse(Dump);
        return FamilyRules.WithOwnCounters(rules, KubeProxyAnalyzer.Analyze(rules), DateTimeOffset.UnixEpoch);
    }

    [Fact]
    public void Build_ServiceWithNodePort_HasEntryPointsChainsEndpointsAndDnatInColumns()
    {
        var graph = new FlowGraphBuilder(Web).Add("node-a", Rules()).Build();

        Assert.Equal(
            [
                (FlowNodeKind.ClusterIP, "10.96.0.20:80", 0),
                (FlowNodeKind.NodePort, "any node IP:30080", 0),
            ],
            graph.Nodes.Where(n => n.Column == 0).Select(n => (n.Kind, n.Detail, n.Column)));
        Assert.Equal(["KUBE-SERVICES", "KUBE-NODEPORTS"], graph.Nodes.Where(n => n.Kind == FlowNodeKind.Dispatch).Select(n => n.Title));
        Assert.Equal(["10.244.1.5:8080", "10.244.2.6:8080", "10.244.3.7:8080"], graph.Nodes.Where(n => n.Kind == FlowNodeKind.Endpoint).Select(n => n.Title));
        Assert.Equal(["DNAT → 10.244.1.5:8080", "DNAT → 10.244.2.6:8080", "DNAT → 10.244.3.7:8080"], graph.Nodes.Where(n => n.Kind == FlowNodeKind.Dnat).Select(n => n.Title));
        Assert.Equal([0, 1, 2, 3, 4, 5], graph.Nodes.Select(n => n.Column).Distinct().Order());
        Assert.DoesNotContain(graph.Nodes, n => n.Title.Contains("OTHER", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_EndpointsCarryTheirExpectedShares()
    {
        var graph = new FlowGraphBuilder(Web).Add("node-a", Rules()).Build();

        Assert.All(graph.Nodes.Where(n => n.Kind == FlowNodeKind.Endpoint), n => Assert.Equal(1 / 3.0, n.Share));
        Assert.Equal("33.3 %", ShareFormat.Percent(graph.Node("KUBE-SEP-AAA")!.Share!.Value));
    }

    [Fact]
    public void Build_MarksWhereMasqueradeHappens()
    {
        var graph = new FlowGraphBuilder(Web).Add("node-a", Rules()).Build();

        Assert.Equal(["KUBE-EXT-WEB", "KUBE-SVC-WEB", "KUBE-SEP-AAA"], graph.Nodes.Where(n => n.Masquerade).Select(n => n.Id));
    }

    [Fact]
    public void Build_TwoNodes_SumsEdgeConnections()
    {
        var graph = new FlowGraphBuilder(Web).Add("node-a", Rules()).Add("node-b", Rules()).Build();

        var edge = Assert.Single(graph.Edges, e => e.From == "KUBE-SVC-WEB" && e.To == "KUBE-SEP-AAA");
        Assert.Equal(620, edge.Connections);
        Assert.Equal(2, edge.RuleCount);
        Assert.Equal(2, graph.Node("KUBE-SVC-WEB")!.Rules.Select(r => r.Node).Distinct().Count());
    }

    [Fact]
    public void Build_RatesGiven_WeighEdgesAndBoxes()
    {
        var graph = new FlowGraphBuilder(Web).Add("node-a", Rules(), rule => rule.Chain == "KUBE-SVC-WEB" ? 2.5 : null).Build();

        Assert.Equal(2.5, graph.Edges.Single(e => e.From == "KUBE-SVC-WEB" && e.To == "KUBE-SEP-BBB").Rate);
        Assert.Equal(2.5, graph.Node("KUBE-SEP-BBB")!.Rate);
        Assert.Null(graph.Edges.Single(e => e.From == "KUBE-SEP-BBB").Rate);
    }

    [Fact]
    public void Build_ServiceWithoutEndpoints_ShowsTheFilterReject()
    {
        var cart = new ServiceFlowSpec("shop/cart:http", [], []);

        var graph = new FlowGraphBuilder(cart).Add("node-a", Rules()).Build();

        Assert.Equal([FlowNodeKind.ClusterIP, FlowNodeKind.Verdict], graph.Nodes.Select(n => n.Kind));
        Assert.Equal("10.96.0.40:80", graph.Nodes[0].Detail);
        Assert.Equal("REJECT", graph.Nodes[1].Title);
        Assert.Equal(7, graph.Edges.Single().Connections);
    }

    [Fact]
    public void Build_PodLookup_NamesThePodOnItsEndpointBoxOnly()
    {
        var pods = new Dictionary<string, PodEndpoint>(StringComparer.Ordinal)
        {
            ["10.244.2.6:8080"] = new("10.244.2.6", "shop", "web-7d9f-x2x4q", "node-b", Ready: false),
        };

        var graph = new FlowGraphBuilder(Web, pods.GetValueOrDefault).Add("node-a", Rules()).Build();

        Assert.Equal(new PodEndpoint("10.244.2.6", "shop", "web-7d9f-x2x4q", "node-b", false), graph.Node("KUBE-SEP-BBB")!.Pod);
        Assert.Equal(["KUBE-SEP-BBB"], graph.Nodes.Where(n => n.Pod is not null).Select(n => n.Id));
    }

    [Fact]
    public void Build_NoPodLookup_EndpointBoxesNameNoPod()
    {
        var graph = new FlowGraphBuilder(Web).Add("node-a", Rules()).Build();

        Assert.All(graph.Nodes, n => Assert.Null(n.Pod));
    }
}
