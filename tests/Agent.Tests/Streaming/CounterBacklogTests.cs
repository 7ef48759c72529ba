using NetView.Agent.Streaming;
using NetView.Core.Iptables;
using NetView.Core.Wire;

namespace NetView.Agent.Tests.Streaming;

public sealed class CounterBacklogTests
{
    private static CounterFrame Frame(long sequence, string hash = "a", int payload = 0) =>
        new(WireVersion.Current, IpFamily.IPv4, hash, sequence, 0, 1, 0, 1, false, new byte[payload], 0, 0, null);

    private static RuleSetSnapshot Snapshot(string hash) => new(IpFamily.IPv4, "legacy", hash, 1, 10, [1]);

    private static List<long> Drain(CounterBacklog backlog)
    {
        var sequences = new List<long>();
        while (backlog.TryPeek(out var frame))
        {
            sequences.Add(frame.Sequence);
            backlog.Dequeue();
        }

        return sequences;
    }

    [Fact]
    public void DefaultCapacity_AtLeastTenMinutesOfBothFamiliesAtOneSecond()
    {
        Assert.True(new CounterBacklog().Capacity >= 2 * 10 * 60);
    }

    [Fact]
    public void Enqueue_PastCapacity_DropsOldestKeepsOrder()
    {
        var backlog = new CounterBacklog(capacity: 3);

        for (var sequence = 1; sequence <= 5; sequence++)
        {
            backlog.Enqueue(Frame(sequence));
        }

        Assert.Equal(2, backlog.Dropped);
        Assert.Equal([3L, 4L, 5L], Drain(backlog));
    }

    [Fact]
    public void Enqueue_PastByteBudget_DropsOldest()
    {
        var backlog = new CounterBacklog(capacity: 100, maxBytes: 3 * (1000 + 128));

        for (var sequence = 1; sequence <= 4; sequence++)
        {
            backlog.Enqueue(Frame(sequence, payload: 1000));
        }

        Assert.Equal([2L, 3L, 4L], Drain(backlog));
    }

    [Fact]
    public void AddSnapshot_PastLimit_OldestEvictedNewestKept()
    {
        var backlog = new CounterBacklog(maxSnapshots: 2);

        backlog.AddSnapshot(Snapshot("a"));
        backlog.AddSnapshot(Snapshot("b"));
        backlog.AddSnapshot(Snapshot("c"));

        Assert.Null(backlog.Snapshot("a"));
        Assert.NotNull(backlog.Snapshot("b"));
        Assert.NotNull(backlog.Snapshot("c"));
    }
}
