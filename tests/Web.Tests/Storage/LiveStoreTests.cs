using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using NetView.Web.Tests.Shared;

namespace NetView.Web.Tests.Storage;

public sealed class LiveStoreTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task Restart_SameSqliteFile_NodesCountersAndHistoryKept()
    {
        var agent = new FakeAgent("node-a", TestCluster.Rules(TestCluster.NodeA));
        var start = DateTimeOffset.UtcNow.AddSeconds(-30);
        using (var server = new LiveServer(_data.Path))
        {
            await using var connection = server.Agent();
            await connection.StartAsync();
            await connection.SendHelloAndSnapshotAsync(agent);
            await connection.SendCountersAsync(agent.Frame(start));
            for (var second = 1; second <= 5; second++)
            {
                agent.Count(agent.DnatSlot("10.244.1.10:8080"), second);
                await connection.SendCountersAsync(agent.Frame(start.AddSeconds(second)));
            }
        }

        Assert.True(File.Exists(Path.Combine(_data.Path, "netview.db")));
        using (var restarted = new LiveServer(_data.Path))
        {
            await using var connection = restarted.Agent();
            await connection.StartAsync();
            await connection.InvokeAsync(NetView.Core.Wire.HubMethods.Hello, agent.Hello);
            agent.Count(agent.DnatSlot("10.244.1.10:8080"), 6);
            await connection.SendCountersAsync(agent.Frame(start.AddSeconds(6)));

            using var http = restarted.Http();
            var services = await http.GetFromJsonAsync<JsonElement>("/api/services");
            var series = await http.GetFromJsonAsync<JsonElement>("/api/services/shop/web/http/series?seconds=600");

            var web = services.EnumerateArray().Single(s => s.GetProperty("name").GetString() == "shop/web:http");
            Assert.Equal(21, web.GetProperty("connections").GetInt64());
            var total = series.GetProperty("endpoints").EnumerateArray()
                .Single(e => e.GetProperty("address").GetString() == "10.244.1.10:8080")
                .GetProperty("total").EnumerateArray().Select(p => p.GetProperty("connections").GetInt64()).ToList();
            Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L], total);
        }
    }

    [Fact]
    public async Task Running_FramesArrive_WrittenWithinTheFlushInterval()
    {
        var agent = new FakeAgent("node-a", TestCluster.Rules(TestCluster.NodeA));
        using var server = new LiveServer(_data.Path, new Dictionary<string, string> { ["NetView:StoreFlushInterval"] = "00:00:00.2" });
        await using var connection = server.Agent();
        await connection.StartAsync();
        await connection.SendHelloAndSnapshotAsync(agent);
        await connection.SendCountersAsync(agent.Frame(DateTimeOffset.UtcNow));

        using var store = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_data.Path, "netview.db")}");
        store.Open();
        using var query = store.CreateCommand();
        query.CommandText = "SELECT COUNT(*) FROM Snapshots WHERE CounterTimestampMs > 0";
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((long)query.ExecuteScalar()! == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(1L, (long)query.ExecuteScalar()!);
    }

    public void Dispose() => _data.Dispose();
}
