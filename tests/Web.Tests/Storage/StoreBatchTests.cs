using NetView.Web.Tests.Shared;

namespace NetView.Web.Tests.Storage;

public sealed class StoreBatchTests
{
    [Fact]
    public void CollectChanges_FrameAfterAFlush_NextBatchHasItsCountersAndPoints()
    {
        using var ingestion = new TestIngestion();
        var agent = new FakeAgent("node-a", TestCluster.Rules(TestCluster.NodeA));
        var session = ingestion.Connect(agent);
        var start = ingestion.Time.GetUtcNow();
        session.Counters(agent.Frame(start));
        agent.Count(agent.DnatSlot("10.244.1.10:8080"), 2);
        session.Counters(agent.Frame(start.AddSeconds(1)));
        var first = ingestion.Ingestor.CollectChanges(everything: false);

        agent.Count(agent.DnatSlot("10.244.1.10:8080"), 3);
        session.Counters(agent.Frame(start.AddSeconds(2)));
        var second = ingestion.Ingestor.CollectChanges(everything: true);

        Assert.Single(first.Snapshots);
        Assert.Equal(2, first.Samples.Count);
        Assert.Single(second.Counters);
        Assert.Equal(2, second.Samples.Count);
    }
}
