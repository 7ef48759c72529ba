using NetView.Web.Ingestion;

namespace NetView.Web.Tests.Ingestion;

public sealed class CounterHistoryTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    private static readonly HistoryLimits Limits = new(TimeSpan.FromMinutes(2), 1000, TimeSpan.FromMinutes(1), 3);

    [Fact]
    public void Add_PointsOlderThanRecentWindow_SummedIntoBucketsAndReportedWhenClosed()
    {
        var history = new CounterHistory(Limits);
        var closed = new List<SeriesPoint>();

        for (var second = 1; second <= 240; second++)
        {
            history.Add(Point(second, connections: 2), Start.AddSeconds(second), closed);
        }

        var points = history.Points(DateTimeOffset.MinValue);
        var buckets = points.Where(p => p.Interval > TimeSpan.FromSeconds(1)).ToList();
        Assert.Equal([Start, Start.AddMinutes(1)], buckets.Select(b => b.Timestamp));
        Assert.Equal(118, buckets[0].Connections);
        Assert.Equal(120, buckets[1].Connections);
        Assert.Equal(TimeSpan.FromSeconds(59), buckets[0].Interval);
        Assert.Equal(121, points.Count(p => p.Interval == TimeSpan.FromSeconds(1)));
        Assert.Equal([Start], closed.Select(b => b.Timestamp));
        Assert.Equal(480, points.Sum(p => p.Connections));
    }

    [Fact]
    public void Add_MoreBucketsThanLimit_OldestDropped()
    {
        var history = new CounterHistory(Limits);

        for (var minute = 0; minute < 10; minute++)
        {
            history.Add(Point(minute * 60, connections: minute + 1), Start.AddMinutes(minute + 5));
        }

        var buckets = history.Points(DateTimeOffset.MinValue);
        Assert.Equal([8L, 9L, 10L], buckets.Select(b => b.Connections));
    }

    [Fact]
    public void Add_RecentRingFull_OldestMovesToBuckets()
    {
        var history = new CounterHistory(Limits with { RecentSamples = 5 });

        for (var second = 1; second <= 8; second++)
        {
            history.Add(Point(second, connections: 1), Start.AddSeconds(second));
        }

        Assert.Equal(5, history.RecentPoints().Count);
        Assert.Equal(8, history.Points(DateTimeOffset.MinValue).Sum(p => p.Connections));
    }

    [Fact]
    public void Add_PointAtLatestTime_AddedToItAndOlderIgnored()
    {
        var history = new CounterHistory(Limits);
        history.Add(Point(10, connections: 3), Start.AddSeconds(10));

        history.Add(Point(10, connections: 5), Start.AddSeconds(11));
        history.Add(Point(9, connections: 7), Start.AddSeconds(11));

        Assert.Equal(8, Assert.Single(history.Points(DateTimeOffset.MinValue)).Connections);
    }

    [Fact]
    public void Restore_RecentPointsInsideStoredBucket_NotCountedTwice()
    {
        var history = new CounterHistory(Limits);
        var bucket = new SeriesPoint(Start, TimeSpan.FromSeconds(60), 60, 600);
        SeriesPoint[] recent = [Point(30, 1), Point(61, 1), Point(62, 1)];

        history.Restore([bucket], recent, Start.AddSeconds(70));

        var points = history.Points(DateTimeOffset.MinValue);
        Assert.Equal([Start, Start.AddSeconds(61), Start.AddSeconds(62)], points.Select(p => p.Timestamp));
        Assert.Equal(62, points.Sum(p => p.Connections));
    }

    [Fact]
    public void Points_Since_LeavesOutOlderPoints()
    {
        var history = new CounterHistory(Limits);
        for (var second = 1; second <= 10; second++)
        {
            history.Add(Point(second, 1), Start.AddSeconds(second));
        }

        Assert.Equal(4, history.Points(Start.AddSeconds(7)).Count);
    }

    [Fact]
    public void Maintain_SilentAndVanishedHistories_AgedAndForgotten()
    {
        var state = new ClusterState(Limits, 10, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Start), new PendingWrites(100));
        var silent = SeriesKey.Chain("node-a", NetView.Core.Iptables.IpFamily.IPv4, "KUBE-SVC-A");
        var vanished = SeriesKey.Chain("node-a", NetView.Core.Iptables.IpFamily.IPv4, "KUBE-SVC-B");
        state.Record(silent, Point(1, 5));
        state.Record(vanished, Point(2, 7));
        state.Writes.Take();

        state.Maintain(Start.AddMinutes(3));
        var aged = state.Histories[silent].Points(DateTimeOffset.MinValue);
        state.Maintain(Start.AddMinutes(10));

        Assert.Equal(TimeSpan.FromSeconds(1), Assert.Single(aged).Interval);
        Assert.Equal(Start, aged[0].Timestamp);
        Assert.Empty(state.Histories);
    }

    private static SeriesPoint Point(int second, long connections) =>
        new(Start.AddSeconds(second), TimeSpan.FromSeconds(1), connections, connections * 60);
}
