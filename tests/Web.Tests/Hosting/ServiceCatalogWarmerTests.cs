using Microsoft.Extensions.Time.Testing;
using NetView.Web.Hosting;
using NetView.Web.Tests.Shared;

namespace NetView.Web.Tests.Hosting;

public sealed class ServiceCatalogWarmerTests
{
    // The build runs on the thread pool; this only bounds a failing test, it is never waited out.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);
    private readonly FakeDashboardSource _source = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 1, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Start_BuildsTheCatalogAtOnce()
    {
        using var warmer = new ServiceCatalogWarmer(_source, _clock);

        await warmer.StartAsync(CancellationToken.None);

        Assert.True(await _source.CatalogReads.WaitAsync(Guard));
    }

    [Fact]
    public async Task Changes_BurstWithinTheInterval_OneMoreBuildWhenItEnds()
    {
        using var warmer = new ServiceCatalogWarmer(_source, _clock);
        await warmer.StartAsync(CancellationToken.None);
        Assert.True(await _source.CatalogReads.WaitAsync(Guard));

        _source.Change();
        _source.Change();
        _source.Change();
        _clock.Advance(ServiceCatalogWarmer.Interval);

        Assert.True(await _source.CatalogReads.WaitAsync(Guard));
        Assert.Equal(0, _source.CatalogReads.CurrentCount);
    }

    [Fact]
    public async Task Stop_UnsubscribesFromTheSource()
    {
        using var warmer = new ServiceCatalogWarmer(_source, _clock);
        await warmer.StartAsync(CancellationToken.None);
        Assert.Equal(1, _source.Subscribers);

        await warmer.StopAsync(CancellationToken.None);

        Assert.Equal(0, _source.Subscribers);
    }
}
