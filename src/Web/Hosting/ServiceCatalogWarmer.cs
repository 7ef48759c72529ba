using NetView.Web.ViewModels;

namespace NetView.Web.Hosting;

/// <summary>
/// Builds the live source's <see cref="ServiceCatalog"/> in the background after its rules
/// change, so that the services grid opened next finds it ready instead of summing every service
/// port of every node while the reader waits. At most one build per <see cref="Interval"/>:
/// rule sets that churn on a big cluster cost one build per interval, not one per change.
/// Counter frames leave the catalog as it is, and asking for an unchanged one costs nothing.
/// </summary>
internal sealed class ServiceCatalogWarmer(IDashboardSource live, TimeProvider time) : IHostedService, IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private CallbackThrottler? _throttler;
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Off the ingesting thread that signals: a build of 10,000 service ports takes a while.
        _throttler = new CallbackThrottler(() => Task.Run(() => live.Catalog(), CancellationToken.None), Interval, time);
        _subscription = live.Subscribe(_throttler.Signal);
        _throttler.Signal();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _throttler?.Dispose();
    }
}
