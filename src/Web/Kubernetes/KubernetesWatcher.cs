using k8s;
using k8s.Autorest;
using k8s.Models;

namespace NetView.Web.Kubernetes;

/// <summary>
/// Keeps <see cref="ClusterDirectory"/> current with the API server's Services and EndpointSlices:
/// list, then watch from the list's resourceVersion; on any break (410 Gone, a dropped stream,
/// an unreachable server) list again after a jittered backoff. Never throws out of the host.
/// </summary>
public sealed class KubernetesWatcher : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly IKubernetes _client;
    private readonly ClusterDirectory _directory;
    private readonly TimeProvider _time;
    private readonly ILogger<KubernetesWatcher> _log;

    public KubernetesWatcher(IKubernetes client, ClusterDirectory directory, TimeProvider time, ILogger<KubernetesWatcher> log)
    {
        _client = client;
        _directory = directory;
        _time = time;
        _log = log;
    }

    public static IKubernetes CreateClient(KubernetesOptions options)
    {
        var config = options.InCluster
            ? KubernetesClientConfiguration.InClusterConfig()
            : new KubernetesClientConfiguration { Host = options.Host };
        return new k8s.Kubernetes(config);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(
            KeepWatchingAsync("services", ListAndWatchServicesAsync, stoppingToken),
            KeepWatchingAsync("endpointslices", ListAndWatchSlicesAsync, stoppingToken));

    private async Task KeepWatchingAsync(string what, Func<CancellationToken, Task> listAndWatch, CancellationToken stop)
    {
        var failures = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await listAndWatch(stop);
                failures = 0; // the watch ended normally (server timeout): list again at once
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpOperationException or HttpRequestException or IOException or KubernetesException or TaskCanceledException or InvalidOperationException or System.Text.Json.JsonException)
            {
                failures++;
                var delay = Backoff(failures);
                _log.LogWarning("Kubernetes {What}: {Reason}; listing again in {Delay:F1} s", what, e.Message, delay.TotalSeconds);
                try
                {
                    await Task.Delay(delay, _time, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task ListAndWatchServicesAsync(CancellationToken stop)
    {
        var list = await _client.CoreV1.ListServiceForAllNamespacesAsync(cancellationToken: stop);
        _directory.ReplaceServices(list.Items);
        await ApplyEventsAsync(
            _client.CoreV1.WatchListServiceForAllNamespacesAsync(
                allowWatchBookmarks: true, resourceVersion: list.Metadata?.ResourceVersion, timeoutSeconds: 300, cancellationToken: stop),
            _directory.ApplyService);
    }

    private async Task ListAndWatchSlicesAsync(CancellationToken stop)
    {
        var list = await _client.DiscoveryV1.ListEndpointSliceForAllNamespacesAsync(cancellationToken: stop);
        _directory.ReplaceEndpointSlices(list.Items);
        await ApplyEventsAsync(
            _client.DiscoveryV1.WatchListEndpointSliceForAllNamespacesAsync(
                allowWatchBookmarks: true, resourceVersion: list.Metadata?.ResourceVersion, timeoutSeconds: 300, cancellationToken: stop),
            _directory.ApplyEndpointSlice);
    }

    private static async Task ApplyEventsAsync<T>(IAsyncEnumerable<(WatchEventType Type, T Item)> events, Action<string, T> apply)
    {
        // Bookmarks and errors carry no object change; a broken stream ends the loop and the caller relists.
        await foreach (var (type, item) in events)
        {
            if (type is WatchEventType.Added or WatchEventType.Modified or WatchEventType.Deleted)
            {
                apply(type.ToString().ToUpperInvariant(), item);
            }
        }
    }

    private static TimeSpan Backoff(int failures)
    {
        // 1, 2, 4 … 30 s with ±20 % jitter so that many replicas do not relist in lockstep.
        var seconds = Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, Math.Min(failures - 1, 10)));
        return TimeSpan.FromSeconds(seconds * (0.8 + Random.Shared.NextDouble() * 0.4));
    }
}
