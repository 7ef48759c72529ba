using Microsoft.EntityFrameworkCore;
using NetView.Core.Iptables;
using NetView.Web.Ingestion;
using NetView.Web.Storage;
using NetView.Web.Tests.Shared;

namespace NetView.Web.Tests.Storage;

public sealed class HistoryStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private static readonly HistoryLimits Limits = new(TimeSpan.FromMinutes(15), 1800, TimeSpan.FromMinutes(1), 60);
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task Prune_PastRecentWindowAndBucketSpan_Deleted()
    {
        var store = Store();
        await store.EnsureCreatedAsync();
        var key = SeriesKey.Endpoint("node-a", IpFamily.IPv4, "shop/web:http", "10.244.1.10:8080");
        await store.SaveSamplesAsync(
        [
            new StoredSample(key, false, new SeriesPoint(Now.AddMinutes(-20), TimeSpan.FromSeconds(1), 1, 60)),
            new StoredSample(key, false, new SeriesPoint(Now.AddMinutes(-5), TimeSpan.FromSeconds(1), 2, 120)),
            new StoredSample(key, true, new SeriesPoint(Now.AddMinutes(-90), TimeSpan.FromSeconds(60), 3, 180)),
            new StoredSample(key, true, new SeriesPoint(Now.AddMinutes(-30), TimeSpan.FromSeconds(60), 4, 240)),
        ]);

        var deleted = await store.PruneAsync(Now);
        var kept = (await store.LoadAsync()).Samples;

        Assert.Equal(2, deleted);
        Assert.Equal([4L, 2L], kept.Select(s => s.Point.Connections));
    }

    [Fact]
    public async Task SaveSamples_SameKeyAndTime_Replaced()
    {
        var store = Store();
        await store.EnsureCreatedAsync();
        var key = SeriesKey.Timeline("node-a", IpFamily.IPv4);
        var bucket = new SeriesPoint(Now, TimeSpan.FromSeconds(20), 0, 0);

        await store.SaveSamplesAsync([new StoredSample(key, true, bucket)]);
        await store.SaveSamplesAsync([new StoredSample(key, true, bucket with { Interval = TimeSpan.FromSeconds(60) })]);

        Assert.Equal(TimeSpan.FromSeconds(60), Assert.Single((await store.LoadAsync()).Samples).Point.Interval);
    }

    public void Dispose() => _data.Dispose();

    private HistoryStore Store()
    {
        var options = new DbContextOptionsBuilder<NetViewDbContext>()
            .UseSqlite($"Data Source={Path.Combine(_data.Path, "netview.db")}")
            .EnableServiceProviderCaching(false)
            .Options;
        return new HistoryStore(new Factory(options), Limits);
    }

    private sealed class Factory(DbContextOptions<NetViewDbContext> options) : IDbContextFactory<NetViewDbContext>
    {
        public NetViewDbContext CreateDbContext() => new(options);
    }
}
