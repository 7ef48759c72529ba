using System.Buffers.Text;
using System.Text;
using NetView.Core.Iptables;
using NetView.Web.Hosting;
using NetView.Web.Ingestion;
using NetView.Web.Tests.Shared;

namespace NetView.Web.Tests.ViewModels;

public sealed class SharedSnapshotsTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly TestIngestion _ingestion = new();

    private static byte[] Dump => Encoding.UTF8.GetBytes(TestCluster.Rules(TestCluster.NodeA));

    [Fact]
    public async Task FreezeDump_Id_SixteenRandomBytes()
    {
        var snapshots = SnapshotStores.Create(_data.Path, _ingestion.Time);

        var first = await snapshots.FreezeDumpAsync(Dump, null);
        var second = await snapshots.FreezeDumpAsync(Dump, null);

        Assert.Equal(16, Base64Url.DecodeFromChars(first.Id).Length);
        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public async Task Resolve_PastExpiry_Null()
    {
        var snapshots = SnapshotStores.Create(_data.Path, _ingestion.Time);
        var frozen = await snapshots.FreezeDumpAsync(Dump, TimeSpan.FromMinutes(10));

        _ingestion.Time.Advance(TimeSpan.FromMinutes(9));
        Assert.NotNull(snapshots.Resolve(frozen.Id));
        _ingestion.Time.Advance(TimeSpan.FromMinutes(1));

        Assert.Null(snapshots.Resolve(frozen.Id));
        Assert.Null(SnapshotStores.Create(_data.Path, _ingestion.Time).Resolve(frozen.Id));
    }

    [Fact]
    public async Task FreezeDump_PastMaxCount_OldestEvicted()
    {
        var snapshots = SnapshotStores.Create(_data.Path, _ingestion.Time, options: new SharedSnapshotOptions { MaxCount = 2 });
        var oldest = await snapshots.FreezeDumpAsync(Dump, null);
        _ingestion.Time.Advance(TimeSpan.FromSeconds(1));
        var middle = await snapshots.FreezeDumpAsync(Dump, null);
        _ingestion.Time.Advance(TimeSpan.FromSeconds(1));
        var newest = await snapshots.FreezeDumpAsync(Dump, null);

        // A fresh instance has no parsed snapshots in memory: it reads the SQLite file.
        var reopened = SnapshotStores.Create(_data.Path, _ingestion.Time);

        Assert.Null(reopened.Resolve(oldest.Id));
        Assert.NotNull(reopened.Resolve(middle.Id));
        Assert.NotNull(reopened.Resolve(newest.Id));
    }

    [Fact]
    public async Task FreezeNode_LiveCountersMoveAfterwards_SnapshotKeepsItsCounters()
    {
        var agent = new FakeAgent("node-a", TestCluster.Rules(TestCluster.NodeA));
        var session = _ingestion.Connect(agent);
        var slot = agent.DnatSlot("10.244.1.21:6379");
        agent.Count(slot, 9);
        Assert.Equal(IngestOutcome.Accepted, session.Counters(agent.Frame(_ingestion.Time.GetUtcNow())).Outcome);
        var snapshots = SnapshotStores.Create(_data.Path, _ingestion.Time, _ingestion.State);

        var frozen = await snapshots.FreezeNodeAsync("node-a", null);
        agent.Count(slot, 100);
        Assert.Equal(IngestOutcome.Accepted, session.Counters(agent.Frame(_ingestion.Time.GetUtcNow().AddSeconds(1))).Outcome);

        var reopened = SnapshotStores.Create(_data.Path, _ingestion.Time).Resolve(frozen!.Id)!;
        var cache = Assert.Single(reopened.Services(), s => s.Name == "shop/cache:redis");
        Assert.Equal(9, Assert.Single(cache.Endpoints, e => e.Address == "10.244.1.21:6379").Connections);
        Assert.Equal("node-a", reopened.Source);
        Assert.True(reopened.FromNode);
        Assert.Equal(IpFamily.IPv4, Assert.Single(reopened.Families).Family);
    }

    [Fact]
    public async Task FreezeDump_DatabaseFromBeforeSnapshotLinks_TableAddedAtStart()
    {
        // A database an earlier version wrote already has tables, so EnsureCreated adds none.
        using (var earlier = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_data.Path, "netview.db")}"))
        {
            earlier.Open();
            using var create = earlier.CreateCommand();
            create.CommandText = "CREATE TABLE \"Nodes\" (\"Name\" TEXT NOT NULL PRIMARY KEY)";
            create.ExecuteNonQuery();
        }

        var snapshots = SnapshotStores.Create(_data.Path, _ingestion.Time);
        var frozen = await snapshots.FreezeDumpAsync(Dump, null);

        Assert.NotNull(SnapshotStores.Create(_data.Path, _ingestion.Time).Resolve(frozen.Id));
    }

    [Fact]
    public async Task FreezeNode_Unknown_Null()
    {
        var snapshots = SnapshotStores.Create(_data.Path, _ingestion.Time, _ingestion.State);

        Assert.Null(await snapshots.FreezeNodeAsync("no-such-node", null));
    }

    [Fact]
    public async Task Revoke_Resolve_NullAndSecondRevokeFalse()
    {
        var snapshots = SnapshotStores.Create(_data.Path, _ingestion.Time);
        var frozen = await snapshots.FreezeDumpAsync(Dump, null);

        Assert.True(await snapshots.RevokeAsync(frozen.Id));

        Assert.Null(snapshots.Resolve(frozen.Id));
        Assert.False(await snapshots.RevokeAsync(frozen.Id));
    }

    public void Dispose()
    {
        _ingestion.Dispose();
        _data.Dispose();
    }
}
