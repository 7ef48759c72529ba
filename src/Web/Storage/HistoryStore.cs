using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NetView.Core.Iptables;
using NetView.Web.Ingestion;

namespace NetView.Web.Storage;

/// <summary>
/// Reads and writes the durable live state through EF Core (SQLite by default). The in-memory
/// ingestion is the source of truth while running; this store lets a restart keep the node
/// list, the latest rule set and counters per node and family, and the history. Bounded by
/// <see cref="PruneAsync"/>: full resolution for the recent window, buckets for the rest.
/// </summary>
internal sealed class HistoryStore(IDbContextFactory<NetViewDbContext> contexts, HistoryLimits limits)
{
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await context.Database.EnsureCreatedAsync(cancellationToken);
        if (context.Database.GetDbConnection() is SqliteConnection)
        {
            // WAL lets the dashboard's reads proceed while the writer flushes a batch.
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    public async Task<StoredState> LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var nodes = await context.Nodes.AsNoTracking().ToListAsync(cancellationToken);
        var snapshots = await context.Snapshots.AsNoTracking().ToListAsync(cancellationToken);
        var samples = await context.Samples.AsNoTracking()
            .OrderBy(s => s.TimestampMs)
            .Select(s => new { s.Node, s.Family, s.Kind, s.Subject, s.Resolution, s.TimestampMs, s.IntervalMs, s.Connections, s.Bytes })
            .ToListAsync(cancellationToken);
        return new StoredState(
            nodes,
            snapshots,
            [.. samples.Select(s => new StoredSample(
                new SeriesKey(s.Node, (IpFamily)s.Family, (SeriesKind)s.Kind, s.Subject),
                s.Resolution != 0,
                new SeriesPoint(DateTimeOffset.FromUnixTimeMilliseconds(s.TimestampMs), TimeSpan.FromMilliseconds(s.IntervalMs), s.Connections, s.Bytes)))]);
    }

    public async Task SaveNodesAsync(IReadOnlyCollection<NodeRecord> nodes, CancellationToken cancellationToken = default)
    {
        if (nodes.Count == 0)
        {
            return;
        }

        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var names = nodes.Select(n => n.Name).ToList();
        var existing = await context.Nodes.Where(n => names.Contains(n.Name)).ToDictionaryAsync(n => n.Name, cancellationToken);
        foreach (var node in nodes)
        {
            if (existing.TryGetValue(node.Name, out var stored))
            {
                context.Entry(stored).CurrentValues.SetValues(node);
            }
            else
            {
                context.Nodes.Add(node);
            }
        }

        await context.SaveChangesAsync(cancellationToken);
    }

    public async Task SaveSnapshotsAsync(IReadOnlyCollection<SnapshotRecord> snapshots, CancellationToken cancellationToken = default)
    {
        if (snapshots.Count == 0)
        {
            return;
        }

        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var snapshot in snapshots)
        {
            var stored = await context.Snapshots.FindAsync([snapshot.Node, snapshot.Family], cancellationToken);
            if (stored is null)
            {
                context.Snapshots.Add(snapshot);
            }
            else
            {
                context.Entry(stored).CurrentValues.SetValues(snapshot);
            }
        }

        await context.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Updates the counters of a stored snapshot; false when the store holds another hash for it.</summary>
    public async Task<bool> SaveCountersAsync(string node, IpFamily family, string hash, byte[] counters, long timestampMs, long sequence, CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var updated = await context.Snapshots
            .Where(s => s.Node == node && s.Family == (int)family && s.Hash == hash)
            .ExecuteUpdateAsync(
                set => set.SetProperty(s => s.Counters, counters).SetProperty(s => s.CounterTimestampMs, timestampMs).SetProperty(s => s.CounterSequence, sequence),
                cancellationToken);
        return updated > 0;
    }

    /// <summary>
    /// Inserts samples (one prepared statement in one transaction; SQL that SQLite and PostgreSQL
    /// both accept), replacing a stored point with the same key and time: a bucket that was
    /// still open at the last flush is written again when it grows.
    /// </summary>
    public async Task SaveSamplesAsync(IReadOnlyCollection<StoredSample> samples, CancellationToken cancellationToken = default)
    {
        if (samples.Count == 0)
        {
            return;
        }

        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await context.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var connection = context.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = """
            INSERT INTO "Samples" ("Node", "Family", "Kind", "Subject", "Resolution", "TimestampMs", "IntervalMs", "Connections", "Bytes")
            VALUES (@node, @family, @kind, @subject, @resolution, @timestamp, @interval, @connections, @bytes)
            ON CONFLICT ("Node", "Family", "Kind", "Subject", "Resolution", "TimestampMs")
            DO UPDATE SET "IntervalMs" = excluded."IntervalMs", "Connections" = excluded."Connections", "Bytes" = excluded."Bytes";
            """;
        var parameters = new[] { "@node", "@family", "@kind", "@subject", "@resolution", "@timestamp", "@interval", "@connections", "@bytes" }
            .Select(name =>
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
                return parameter;
            })
            .ToArray();
        var bucketSeconds = (int)limits.Bucket.TotalSeconds;
        foreach (var sample in samples)
        {
            parameters[0].Value = sample.Key.Node;
            parameters[1].Value = (int)sample.Key.Family;
            parameters[2].Value = (int)sample.Key.Kind;
            parameters[3].Value = sample.Key.Subject;
            parameters[4].Value = sample.Downsampled ? bucketSeconds : 0;
            parameters[5].Value = sample.Point.Timestamp.ToUnixTimeMilliseconds();
            parameters[6].Value = (long)sample.Point.Interval.TotalMilliseconds;
            parameters[7].Value = sample.Point.Connections;
            parameters[8].Value = sample.Point.Bytes;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Deletes full-resolution samples past the recent window and buckets past the downsampled span.</summary>
    public async Task<int> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var recentCutoff = (now - limits.RecentWindow).ToUnixTimeMilliseconds();
        var bucketCutoff = (now - (limits.Bucket * limits.Buckets)).ToUnixTimeMilliseconds();
        var recent = await context.Samples.Where(s => s.Resolution == 0 && s.TimestampMs < recentCutoff).ExecuteDeleteAsync(cancellationToken);
        var buckets = await context.Samples.Where(s => s.Resolution != 0 && s.TimestampMs < bucketCutoff).ExecuteDeleteAsync(cancellationToken);
        return recent + buckets;
    }
}
