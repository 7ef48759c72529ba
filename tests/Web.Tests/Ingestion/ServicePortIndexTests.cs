using NetView.Web.Ingestion;
using NetView.Web.Tests.Shared;

namespace NetView.Web.Tests.Ingestion;

public sealed class ServicePortIndexTests : IDisposable
{
    private readonly TestIngestion _ingestion = new();
    private readonly FakeAgent _nodeA = new("node-a", TestCluster.Rules(TestCluster.NodeA));
    private readonly FakeAgent _nodeB = new("node-b", TestCluster.Rules(TestCluster.NodeB));

    [Fact]
    public void ServiceIndex_TwoNodes_PortsByNameWithConnectionsSummedOverNodes()
    {
        var a = _ingestion.Connect(_nodeA);
        var b = _ingestion.Connect(_nodeB);
        var start = _ingestion.Time.GetUtcNow();
        _nodeA.Count(_nodeA.DnatSlot("10.244.1.10:8080"), 3);
        _nodeB.Count(_nodeB.DnatSlot("10.244.2.10:8080"), 4);
        Accept(a.Counters(_nodeA.Frame(start)));
        Accept(b.Counters(_nodeB.Frame(start)));

        var index = _ingestion.State.ServiceIndex();
        var totals = new long?[index.Ports.Count];
        index.ReadConnections(totals);

        Assert.Equal(["shop/cache:redis", "shop/empty:http", "shop/web:http"], index.Ports.Select(p => p.Port.Name));
        Assert.Equal([0L, null, 7L], totals);
    }

    [Fact]
    public void ServiceIndex_BeforeAnyCounterFrame_TotalsUnknown()
    {
        _ingestion.Connect(_nodeA);

        var index = _ingestion.State.ServiceIndex();
        var totals = new long?[index.Ports.Count];
        index.ReadConnections(totals);

        Assert.All(totals, Assert.Null);
    }

    [Fact]
    public void ServiceIndex_CounterFrame_SameIndexReadsTheNewCounters()
    {
        var session = _ingestion.Connect(_nodeA);
        var start = _ingestion.Time.GetUtcNow();
        Accept(session.Counters(_nodeA.Frame(start)));
        var before = _ingestion.State.ServiceIndex();

        _nodeA.Count(_nodeA.DnatSlot("10.244.1.10:8080"), 5);
        Accept(session.Counters(_nodeA.Frame(start.AddSeconds(1))));
        var after = _ingestion.State.ServiceIndex();
        var totals = new long?[after.Ports.Count];
        after.ReadConnections(totals);

        Assert.Same(before, after);
        Assert.Equal(5L, totals[after.Ports.Select(p => p.Port.Name).ToList().IndexOf("shop/web:http")]);
    }

    [Fact]
    public void ServiceIndex_RuleSetChanged_RebuiltWithTheNewPort()
    {
        var session = _ingestion.Connect(_nodeA);
        var before = _ingestion.State.ServiceIndex();
        var changed = new FakeAgent("node-a", TestCluster.Rules(TestCluster.NodeA, TestCluster.Spec(
            new NetView.Core.KubeProxy.Simulation.ServiceSpec("shop", "api", NetView.Core.KubeProxy.Simulation.ServiceType.ClusterIP, "10.96.0.50",
                [new NetView.Core.KubeProxy.Simulation.ServicePortSpec("grpc", "tcp", 9090, 9090)],
                [new NetView.Core.KubeProxy.Simulation.EndpointSpec("10.244.1.30", "node-a")]))));

        foreach (var chunk in changed.Chunks())
        {
            Accept(session.SnapshotChunk(chunk));
        }

        var after = _ingestion.State.ServiceIndex();

        Assert.NotSame(before, after);
        Assert.Contains("shop/api:grpc", after.Ports.Select(p => p.Port.Name));
        Assert.DoesNotContain("shop/api:grpc", before.Ports.Select(p => p.Port.Name));
    }

    public void Dispose() => _ingestion.Dispose();

    private static void Accept(IngestResult result) => Assert.True(result.Outcome == IngestOutcome.Accepted, $"{result.Outcome}: {result.Reason}");
}
