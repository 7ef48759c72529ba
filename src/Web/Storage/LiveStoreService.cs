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
    SharedSnapshotStore sharedSnapshots,
    Ingestor ingestor,
    IOptions<LivePathOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<LiveStoreService> logger) : BackgroundService, IHostedLifecycleService
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(1);

    // Never disposed: it has no wait handle, and the host may stop this service after disposing the container's singletons.
    private readonly SemaphoreSlim _flushing = new(1, 1);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var directory = options.Value.DataDirectory;
        if (!string.IsNullOrWhiteSpace(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await store.EnsureCreatedAsync(cancellationToken);
        await sharedSnapshots.EnsureTableAsync(cancellationToken);
        var stored = await store.LoadAsync(cancellationToken);
        ingestor.Restore(stored);
        LogRestored(logger, stored.Nodes.Count, stored.Snapshots.Count, stored.Samples.Count);

        // Write everything as soon as shutdown begins, while every service is still alive; the
        // flush in StoppedAsync then adds what arrived while the server drained its connections.
        lifetime.ApplicationStopping.Register(() =>
        {
            LogStopping(logger);
            FlushAsync(everything: true, CancellationToken.None).GetAwaiter().GetResult();
        });
        await base.StartAsync(cancellationToken);
    }

    /// <summary>
    /// The last flush, after every hosted service stopped, the web server included: no frame can
    /// arrive any more, so nothing applied is left unwritten.
    /// </summary>
    public async Task StoppedAsync(CancellationToken cancellationToken)
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

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

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
            LogFlushed(logger, batch.Nodes.Count, batch.Snapshots.Count, batch.Counters.Count, batch.Samples.Count);
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
                    ingestor.State.Maintain(time.GetUtcNow());
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
            // Shutting down; StoppedAsync writes the rest.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Restored {Nodes} nodes, {Snapshots} rule sets and {Samples} history points from the store")]
    private static partial void LogRestored(ILogger logger, int nodes, int snapshots, int samples);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Wrote {Nodes} nodes, {Snapshots} rule sets, {Counters} counter sets and {Samples} history points")]
    private static partial void LogFlushed(ILogger logger, int nodes, int snapshots, int counters, int samples);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: writing the live state to the store")]
    private static partial void LogStopping(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing live state to the store failed")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);
}
