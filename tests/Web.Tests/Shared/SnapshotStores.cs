using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NetView.Web.Hosting;
using NetView.Web.Ingestion;
using NetView.Web.Storage;
using NetView.Web.ViewModels;

namespace NetView.Web.Tests.Shared;

/// <summary>Shared snapshot links as the server wires them and creates their table at start, on a real SQLite file in a directory.</summary>
internal static class SnapshotStores
{
    public static SharedSnapshots Create(string directory, TimeProvider time, ClusterState? state = null, SharedSnapshotOptions? options = null)
    {
        var contexts = new Factory(new DbContextOptionsBuilder<NetViewDbContext>()
            .UseSqlite($"Data Source={Path.Combine(directory, "netview.db")}")
            .EnableServiceProviderCaching(false)
            .Options);
        using (var context = contexts.CreateDbContext())
        {
            context.Database.EnsureCreated();
        }

        var store = new SharedSnapshotStore(contexts);
        store.EnsureTableAsync().GetAwaiter().GetResult();
        return new SharedSnapshots(
            store,
            state ?? new ClusterState(HistoryLimits.Default, 100, time, new PendingWrites(1000)),
            Options.Create(new LivePathOptions()),
            Options.Create(options ?? new SharedSnapshotOptions()),
            time);
    }

    private sealed class Factory(DbContextOptions<NetViewDbContext> options) : IDbContextFactory<NetViewDbContext>
    {
        public NetViewDbContext CreateDbContext() => new(options);
    }
}
