using Microsoft.Extensions.Options;
using NetView.Web.Hosting;
using NetView.Web.Ingestion;

namespace NetView.Web.Storage;

/// <summary>
/// Connects the in-memory ingestion to the store: at start (before the server listens) it
/// creates the database and restores the state; while running it writes what changed every
/// <see cref="LivePathOptions.StoreFlushInterval"/> and prunes old history; at shutdown it
/// writes everything once more, so a graceful restart loses no interval.
/// </summary>
internal sealed partial class LiveStoreService(
    HistoryStore store,
    Ingestor ingestor,
    IOptions<LivePathOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<LiveStoreService> logger) : BackgroundService
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(1);

    // Never disposed: it has no wait handle, and the host may stop this service after disposing the container's singletons.
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private int _stopped;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var directory = options.Value.DataDirectory;
        if (!string.IsNullOrWhiteSpace(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await store.EnsureCreatedAsync(cancellationToken);
        var stored = await store.LoadAsync(cancellationToken);
        ingestor.Restore(stored);
        LogRestored(logger, stored.Nodes.Count, stored.Snapshots.Count, stored.Samples.Count);

        // Write everything as soon as shutdown begins, while every service is still alive; the
        // flush in StopAsync then only adds what arrived while the server drained its connections.
        lifetime.ApplicationStopping.Register(() => FlushAsync(everything: true, CancellationToken.None).GetAwaiter().GetResult());
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            try
            {
                await FlushAsync(everything: true, CancellationToken.None);
            }
            catch (ObjectDisposedException exception)
            {
                // A host that disposes its services before stopping them (a test factory) already got the stopping flush.
                LogFlushFailed(logger, exception);
            }
        }
    }

    /// <summary>Writes what changed since the last flush; <paramref name="everything"/> also open buckets and all nodes.</summary>
    public async Task FlushAsync(bool everything, CancellationToken cancellationToken)
    {
        await _flushing.WaitAsync(cancellationToken);
        try
        {
            var batch = ingestor.CollectChanges(everything);
            await store.SaveNodesAsync(batch.Nodes, cancellationToken);
            await store.SaveSnapshotsAsync(batch.Snapshots, cancellationToken);
            foreach (var counters in batch.Counters)
            {
                await store.SaveCountersAsync(counters.Node, counters.Family, counters.Hash, counters.Counters, counters.TimestampMs, counters.Sequence, cancellationToken);
            }

            await store.SaveSamplesAsync(batch.Samples, cancellationToken);
        }
        finally
        {
            _flushing.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastPrune = time.GetUtcNow();
        using var timer = new PeriodicTimer(options.Value.StoreFlushInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await FlushAsync(everything: false, stoppingToken);
                    if (time.GetUtcNow() - lastPrune >= PruneEvery)
                    {
                        lastPrune = time.GetUtcNow();
                        await store.PruneAsync(lastPrune, stoppingToken);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // A store that is briefly unavailable must not stop ingestion: this batch stays in memory only.
                    LogFlushFailed(logger, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; StopAsync writes the rest.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Restored {Nodes} nodes, {Snapshots} rule sets and {Samples} history points from the store")]
    private static partial void LogRestored(ILogger logger, int nodes, int snapshots, int samples);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing live state to the store failed")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);
}
