using NetView.Core.Iptables;
using NetView.Core.Wire;
using NetView.Web.Hosting;
using NetView.Web.Ingestion;
using NetView.Web.Tests.Shared;

namespace NetView.Web.Tests.Ingestion;

public sealed class IngestorTests : IDisposable
{
    private const string Web = "shop/web:http";
    private readonly TestIngestion _ingestion = new();
    private readonly FakeAgent _agent = new("node-a", TestCluster.Rules(TestCluster.NodeA));

    [Fact]
    public void Counters_DeltasOverIntervals_EndpointTotalsAndSeries()
    {
        var session = _ingestion.Connect(_agent);
        var slot = _agent.DnatSlot("10.244.1.10:8080");
        var start = _ingestion.Time.GetUtcNow();

        Accept(session.Counters(_agent.Frame(start)));
        _agent.Count(slot, 3);
        Accept(session.Counters(_agent.Frame(start.AddSeconds(1))));
        _agent.Count(slot, 2);
        Accept(session.Counters(_agent.Frame(start.AddSeconds(2))));
        Accept(session.Counters(_agent.Frame(start.AddSeconds(3))));

        var endpoint = _ingestion.State.Service(Web)!.Endpoints.Single(e => e.Address == "10.244.1.10:8080");
        Assert.Equal(5, endpoint.Connections);
        Assert.Equal(300, endpoint.Bytes);
        var series = _ingestion.State.Series(SeriesKey.Endpoint("node-a", IpFamily.IPv4, Web, "10.244.1.10:8080"), start);
        Assert.Equal([3L, 2L, 0L], series.Select(p => p.Connections));
        Assert.Equal([start.AddSeconds(1), start.AddSeconds(2), start.AddSeconds(3)], series.Select(p => p.Timestamp));
        Assert.Equal(3.0, series[0].Rate);
    }

    [Fact]
    public void Counters_JumpIntoServiceChain_ChainSeries()
    {
        var session = _ingestion.Connect(_agent);
        var chain = _ingestion.State.Service(Web)!.Port.Chains.Svc!;
        var start = _ingestion.Time.GetUtcNow();
        Accept(session.Counters(_agent.Frame(start)));

        _agent.Count(_agent.Slot("-A KUBE-SERVICES ", "-j " + chain), 4);
        Accept(session.Counters(_agent.Frame(start.AddSeconds(1))));

        Assert.Equal([4L], _ingestion.State.Series(SeriesKey.Chain("node-a", IpFamily.IPv4, chain), start).Select(p => p.Connections));
    }

    [Fact]
    public void Counters_UnknownHash_AsksForSnapshotAndAppliesFramesWhenItArrives()
    {
        var session = _ingestion.Ingestor.OpenSession();
        session.Hello(_agent.Hello);
        var slot = _agent.DnatSlot("10.244.1.10:8080");
        _agent.Count(slot, 4);

        var result = session.Counters(_agent.Frame(_ingestion.Time.GetUtcNow()));

        Assert.Equal(IngestOutcome.NeedSnapshot, result.Outcome);
        Assert.Equal(_agent.Snapshot.Hash, result.Request!.Hash);
        Assert.Equal(IpFamily.IPv4, result.Request.Family);
        foreach (var chunk in _agent.Chunks(1024))
        {
            Accept(session.SnapshotChunk(chunk));
        }

        Assert.Equal(4, _ingestion.State.Service(Web)!.Endpoints.Single(e => e.Address == "10.244.1.10:8080").Connections);
    }

    [Fact]
    public void Counters_WrongRuleCount_RejectedWithReasonAndStateUnchanged()
    {
        var session = _ingestion.Connect(_agent);
        var slot = _agent.DnatSlot("10.244.1.10:8080");
        _agent.Count(slot, 2);
        Accept(session.Counters(_agent.Frame(_ingestion.Time.GetUtcNow())));
        _agent.Count(slot, 5);
        var frame = _agent.Frame(_ingestion.Time.GetUtcNow().AddSeconds(1));

        var result = session.Counters(frame with { RuleCount = frame.RuleCount + 1 });

        Assert.Equal(IngestOutcome.Rejected, result.Outcome);
        Assert.Contains($"ruleCount {frame.RuleCount + 1}", result.Reason, StringComparison.Ordinal);
        Assert.Equal(2, _ingestion.State.Service(Web)!.Connections);
        Assert.Equal(1, _ingestion.Metrics.Total("rejected/counters"));
        Assert.Equal(1, _ingestion.State.Node("node-a")!.Rejections);
        Assert.Equal(result.Reason, _ingestion.State.Node("node-a")!.LastRejection);
    }

    [Fact]
    public void Counters_GarbagePayload_RejectedAndStateUnchanged()
    {
        var session = _ingestion.Connect(_agent);
        _agent.Count(_agent.DnatSlot("10.244.1.10:8080"), 2);
        Accept(session.Counters(_agent.Frame(_ingestion.Time.GetUtcNow())));
        var frame = _agent.Frame(_ingestion.Time.GetUtcNow().AddSeconds(1));

        var result = session.Counters(frame with { Payload = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01] });

        Assert.Equal(IngestOutcome.Rejected, result.Outcome);
        Assert.Equal(2, _ingestion.State.Service(Web)!.Connections);
    }

    [Fact]
    public void Counters_SameSequenceTwice_SecondIgnored()
    {
        var session = _ingestion.Connect(_agent);
        Accept(session.Counters(_agent.Frame(_ingestion.Time.GetUtcNow())));
        _agent.Count(_agent.DnatSlot("10.244.1.10:8080"), 2);
        var frame = _agent.Frame(_ingestion.Time.GetUtcNow().AddSeconds(1));
        Accept(session.Counters(frame));

        Assert.Equal(IngestOutcome.Ignored, session.Counters(frame).Outcome);
        Assert.Equal(2, _ingestion.State.Service(Web)!.Connections);
    }

    [Fact]
    public void Counters_CounterReset_IncreaseIsTheNewValue()
    {
        var session = _ingestion.Connect(_agent);
        var slot = _agent.DnatSlot("10.244.1.10:8080");
        var start = _ingestion.Time.GetUtcNow();
        Accept(session.Counters(_agent.Frame(start)));
        _agent.Count(slot, 10);
        Accept(session.Counters(_agent.Frame(start.AddSeconds(1))));
        _agent.Reset(slot);
        _agent.Count(slot, 4);
        Accept(session.Counters(_agent.Frame(start.AddSeconds(2))));

        var series = _ingestion.State.Series(SeriesKey.Endpoint("node-a", IpFamily.IPv4, Web, "10.244.1.10:8080"), start);
        Assert.Equal([10L, 4L], series.Select(p => p.Connections));
        Assert.Equal(4, _ingestion.State.Service(Web)!.Connections);
    }

    [Fact]
    public void Counters_KeyframeAfterBaseline_CountsOnlyTheInterval()
    {
        var session = _ingestion.Connect(_agent);
        var slot = _agent.DnatSlot("10.244.1.10:8080");
        var start = _ingestion.Time.GetUtcNow();
        _agent.Count(slot, 100);
        Accept(session.Counters(_agent.Frame(start)));
        _agent.Count(slot, 7);

        Accept(session.Counters(_agent.Frame(start.AddSeconds(1), keyframe: true)));

        var series = _ingestion.State.Series(SeriesKey.Endpoint("node-a", IpFamily.IPv4, Web, "10.244.1.10:8080"), start);
        Assert.Equal([7L], series.Select(p => p.Connections));
        Assert.Equal(107, _ingestion.State.Service(Web)!.Connections);
    }

    [Fact]
    public void Counters_TickSplitOverSlotRanges_OnePointPerTickAndEndpoint()
    {
        var session = _ingestion.Connect(_agent);
        var start = _ingestion.Time.GetUtcNow();
        string[] addresses = ["10.244.1.10:8080", "10.244.2.10:8080", "10.244.1.20:6379"];
        foreach (var address in addresses)
        {
            _agent.Count(_agent.DnatSlot(address), 10);
        }

        foreach (var frame in _agent.Frames(start, maxPayloadBytes: 30))
        {
            Accept(session.Counters(frame));
        }

        foreach (var address in addresses)
        {
            _agent.Count(_agent.DnatSlot(address), 2);
        }

        var split = _agent.Frames(start.AddSeconds(1), keyframe: true, maxPayloadBytes: 30);
        foreach (var frame in split)
        {
            Accept(session.Counters(frame));
        }

        Assert.Equal(3, split.Count);
        Assert.Single(_ingestion.State.Series(SeriesKey.Timeline("node-a", IpFamily.IPv4), start));
        Assert.All(addresses, address => Assert.Equal(
            [2L],
            _ingestion.State.Series(SeriesKey.Endpoint("node-a", IpFamily.IPv4, address.EndsWith("6379", StringComparison.Ordinal) ? "shop/cache:redis" : Web, address), start).Select(p => p.Connections)));
    }

    [Fact]
    public void SnapshotChunk_CorruptData_RejectedAndPreviousRuleSetKept()
    {
        var session = _ingestion.Connect(_agent);
        var changed = new FakeAgent("node-a", TestCluster.Rules(TestCluster.NodeA, TestCluster.Spec(ExtraService())));
        var chunk = changed.Chunks().Single();

        var result = session.SnapshotChunk(chunk with { Data = [.. chunk.Data.Take(chunk.Data.Length / 2)] });

        Assert.Equal(IngestOutcome.Rejected, result.Outcome);
        Assert.Equal(_agent.Snapshot.Hash, _ingestion.State.RuleSet("node-a", IpFamily.IPv4)!.RuleSet.Hash);
    }

    [Fact]
    public void SnapshotChunk_OverChunkLimits_Rejected()
    {
        var options = new LivePathOptions { AgentToken = "test-token-0123456789", MaximumReceiveMessageSize = 32 * 1024, MaxSnapshotChunks = 2 };
        using var ingestion = new TestIngestion(options);
        var session = ingestion.Ingestor.OpenSession();
        session.Hello(_agent.Hello);
        var chunk = _agent.Chunks().Single();

        var oversized = session.SnapshotChunk(chunk with { Data = new byte[40 * 1024] });
        var tooMany = session.SnapshotChunk(chunk with { Count = 3 });

        Assert.Equal(IngestOutcome.Rejected, oversized.Outcome);
        Assert.Contains("over 32768 bytes", oversized.Reason, StringComparison.Ordinal);
        Assert.Equal(IngestOutcome.Rejected, tooMany.Outcome);
        Assert.Contains("MaxSnapshotChunks", tooMany.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void SnapshotChunk_SameRulesOnManyNodes_OneAnalyzedRuleSetAndPooledTexts()
    {
        var rules = TestCluster.Rules(TestCluster.NodeA);
        for (var i = 0; i < 50; i++)
        {
            _ingestion.Connect(new FakeAgent($"node-{i}", rules));
        }

        var other = TestCluster.Rules(TestCluster.NodeB, TestCluster.Spec(ExtraService()));
        _ingestion.Connect(new FakeAgent("node-b", other));

        Assert.Equal(2, _ingestion.Catalog.Count);
        Assert.Same(_ingestion.State.RuleSet("node-0", IpFamily.IPv4)!.RuleSet, _ingestion.State.RuleSet("node-49", IpFamily.IPv4)!.RuleSet);
        var distinct = rules.Split('\n').Concat(other.Split('\n')).Where(l => l.StartsWith("-A ", StringComparison.Ordinal)).Distinct().Count();
        Assert.Equal(distinct, _ingestion.Catalog.Pool.Count);
        Assert.Equal(51, _ingestion.State.Service(Web)!.Nodes.Count);
    }

    [Fact]
    public void SnapshotChunk_RuleSetChanges_CountersCarriedAndChangeRecorded()
    {
        var session = _ingestion.Connect(_agent);
        var start = _ingestion.Time.GetUtcNow();
        _agent.Count(_agent.DnatSlot("10.244.1.10:8080"), 50);
        Accept(session.Counters(_agent.Frame(start)));
        var changed = new FakeAgent("node-a", TestCluster.Rules(TestCluster.NodeA, TestCluster.Spec(ExtraService())));
        changed.Count(changed.DnatSlot("10.244.1.10:8080"), 53);

        foreach (var chunk in changed.Chunks())
        {
            Accept(session.SnapshotChunk(chunk));
        }

        Accept(session.Counters(changed.Frame(start.AddSeconds(1), keyframe: true) with { Sequence = 2 }));

        var series = _ingestion.State.Series(SeriesKey.Endpoint("node-a", IpFamily.IPv4, Web, "10.244.1.10:8080"), start);
        Assert.Equal([3L], series.Select(p => p.Connections));
        var change = _ingestion.State.Changes().Last();
        Assert.Equal(_agent.Snapshot.Hash, change.OldHash);
        Assert.Equal(changed.Snapshot.Hash, change.NewHash);
        Assert.True(change.Added > 0);
        Assert.Equal(0, change.Removed);
        Assert.Equal(1, _ingestion.State.Node("node-a")!.RuleChanges);
    }

    [Fact]
    public void Session_OverFrameRate_RejectedUntilTheBucketRefills()
    {
        using var ingestion = new TestIngestion(new LivePathOptions { AgentToken = "test-token-0123456789", MaxFramesPerSecond = 1 });
        var session = ingestion.Ingestor.OpenSession();
        for (var i = 0; i < 5; i++)
        {
            session.Hello(_agent.Hello);
        }

        var limited = session.Hello(_agent.Hello);
        ingestion.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(IngestOutcome.Rejected, limited.Outcome);
        Assert.Contains("MaxFramesPerSecond", limited.Reason, StringComparison.Ordinal);
        Assert.Equal(IngestOutcome.Accepted, session.Hello(_agent.Hello).Outcome);
        Assert.True(ingestion.State.Node("node-a")!.Connected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("node\u0007bell")]
    public void Hello_BadNodeName_Rejected(string node)
    {
        var session = _ingestion.Ingestor.OpenSession();

        var result = session.Hello(_agent.Hello with { Node = node });

        Assert.Equal(IngestOutcome.Rejected, result.Outcome);
        Assert.Empty(_ingestion.State.Nodes());
    }

    [Fact]
    public void Closed_LastConnection_NodeDisconnectedAndChangePublished()
    {
        var changes = new List<ClusterChange>();
        using var subscription = _ingestion.State.Subscribe(changes.Add);
        var session = _ingestion.Connect(_agent);

        session.Closed();

        Assert.False(_ingestion.State.Node("node-a")!.Connected);
        Assert.Equal(
            [ClusterChangeKind.NodeConnected, ClusterChangeKind.RuleSetChanged, ClusterChangeKind.NodeDisconnected],
            changes.Select(c => c.Kind));
    }

    public void Dispose() => _ingestion.Dispose();

    private static void Accept(IngestResult result) => Assert.True(result.Outcome == IngestOutcome.Accepted, $"{result.Outcome}: {result.Reason}");

    private static NetView.Core.KubeProxy.Simulation.ServiceSpec ExtraService() =>
        new("shop", "api", NetView.Core.KubeProxy.Simulation.ServiceType.ClusterIP, "10.96.0.50",
            [new NetView.Core.KubeProxy.Simulation.ServicePortSpec("grpc", "tcp", 9090, 9090)],
            [new NetView.Core.KubeProxy.Simulation.EndpointSpec("10.244.1.30", "node-a")]);
}
