using Microsoft.EntityFrameworkCore;

namespace NetView.Web.Storage;

/// <summary>
/// The shared snapshot links in the database, bounded by count and compressed bytes: expired and
/// revoked links go first, then the oldest. Revoking clears the frozen text at once.
/// </summary>
internal sealed class SharedSnapshotStore(IDbContextFactory<NetViewDbContext> contexts)
{
    private const string CreateTable = """
        CREATE TABLE IF NOT EXISTS "SharedSnapshots" (
            "Id" TEXT NOT NULL PRIMARY KEY,
            "CreatedMs" BIGINT NOT NULL,
            "ExpiresMs" BIGINT NULL,
            "Revoked" BOOLEAN NOT NULL,
            "Source" VARCHAR(253) NOT NULL,
            "FromNode" BOOLEAN NOT NULL,
            "CountersMs" BIGINT NULL,
            "Ipv4Text" BYTEA NULL,
            "Ipv6Text" BYTEA NULL,
            "Bytes" BIGINT NOT NULL)
        """;

    /// <summary>
    /// EnsureCreated does nothing on a database that already has tables, so a database written by
    /// an earlier version gets this table here. The column types are ones both SQLite and
    /// PostgreSQL accept; a fresh database already has the table from EnsureCreated.
    /// </summary>
    public async Task EnsureTableAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await context.Database.ExecuteSqlRawAsync(context.Database.IsSqlite() ? CreateTable.Replace("BYTEA", "BLOB", StringComparison.Ordinal) : CreateTable, cancellationToken);
    }

    public async Task AddAsync(SharedSnapshotRecord record, int maxCount, long maxBytes, CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await context.SharedSnapshots.Where(s => s.Revoked || s.ExpiresMs <= record.CreatedMs).ExecuteDeleteAsync(cancellationToken);
        var kept = await context.SharedSnapshots.OrderBy(s => s.CreatedMs).Select(s => new { s.Id, s.Bytes }).ToListAsync(cancellationToken);
        var count = kept.Count;
        var bytes = kept.Sum(s => s.Bytes);
        var evicted = new List<string>();
        foreach (var oldest in kept)
        {
            if (count < maxCount && bytes + record.Bytes <= maxBytes)
            {
                break;
            }

            evicted.Add(oldest.Id);
            count--;
            bytes -= oldest.Bytes;
        }

        if (evicted.Count > 0)
        {
            await context.SharedSnapshots.Where(s => evicted.Contains(s.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        context.SharedSnapshots.Add(record);
        await context.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The link if it exists, is not revoked and has not expired at <paramref name="nowMs"/>; synchronous for page rendering.</summary>
    public SharedSnapshotRecord? Find(string id, long nowMs)
    {
        using var context = contexts.CreateDbContext();
        return context.SharedSnapshots.AsNoTracking().FirstOrDefault(s => s.Id == id && !s.Revoked && (s.ExpiresMs == null || s.ExpiresMs > nowMs));
    }

    public async Task<bool> RevokeAsync(string id, long nowMs, CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var revoked = await context.SharedSnapshots
            .Where(s => s.Id == id && !s.Revoked && (s.ExpiresMs == null || s.ExpiresMs > nowMs))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Revoked, true).SetProperty(r => r.Ipv4Text, (byte[]?)null).SetProperty(r => r.Ipv6Text, (byte[]?)null).SetProperty(r => r.Bytes, 0), cancellationToken);
        return revoked > 0;
    }
}
