using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NetView.Web.Tests.Shared;

namespace NetView.Web.Tests.Api;

public sealed class SnapshotsApiTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private LiveServer _server;
    private HttpClient _http;

    public SnapshotsApiTests()
    {
        _server = Start();
        _http = _server.Http();
    }

    [Fact]
    public async Task Post_Node_FrozenCountersAfterLiveCountersMove()
    {
        var agent = new FakeAgent("node-a", TestCluster.Rules(TestCluster.NodeA));
        await using var connection = _server.Agent();
        await connection.StartAsync();
        await connection.SendHelloAndSnapshotAsync(agent);
        var slot = agent.DnatSlot("10.244.1.21:6379");
        agent.Count(slot, 9);
        await connection.SendCountersAsync(agent.Frame(DateTimeOffset.UtcNow));

        var created = await CreateAsync(JsonContent.Create(new { node = "node-a" }));
        agent.Count(slot, 100);
        await connection.SendCountersAsync(agent.Frame(DateTimeOffset.UtcNow.AddSeconds(1)));
        var live = await _http.GetFromJsonAsync<JsonElement>("/api/nodes/node-a/analysis");
        var frozen = await _http.GetFromJsonAsync<JsonElement>($"/api/snapshots/{created.Id}");

        Assert.Equal(109, Connections(live, "shop/cache:redis", "10.244.1.21:6379"));
        Assert.Equal(9, Connections(frozen, "shop/cache:redis", "10.244.1.21:6379"));
        Assert.Equal("node-a", frozen.GetProperty("source").GetString());
        Assert.Equal(created.Id, frozen.GetProperty("id").GetString());
        Assert.Equal("ipv4", frozen.GetProperty("family").GetString());
        Assert.Equal(JsonValueKind.Null, frozen.GetProperty("expiresAt").ValueKind);
        Assert.Equal(JsonValueKind.String, frozen.GetProperty("createdAt").ValueKind);
    }

    [Fact]
    public async Task Post_DumpBody_201WithUrlAndUnguessableId()
    {
        using var response = await _http.PostAsync("/api/snapshots?expiresInSeconds=3600", new StringContent(TestCluster.Rules(TestCluster.NodeB)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetString()!;
        Assert.Equal("/s/" + id, body.GetProperty("url").GetString());
        Assert.True(Base64Url.DecodeFromChars(id).Length * 8 >= 128);
        var frozen = await _http.GetFromJsonAsync<JsonElement>($"/api/snapshots/{id}");
        Assert.Equal("uploaded", frozen.GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.String, frozen.GetProperty("expiresAt").ValueKind);
        Assert.Equal(
            ["shop/cache:redis", "shop/empty:http", "shop/web:http"],
            frozen.GetProperty("servicePorts").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Order().ToList());
    }

    [Fact]
    public async Task Delete_Revokes_204Then404()
    {
        var created = await CreateAsync(new StringContent(TestCluster.Rules(TestCluster.NodeA)));

        using var deleted = await _http.DeleteAsync($"/api/snapshots/{created.Id}");
        using var after = await _http.GetAsync($"/api/snapshots/{created.Id}");
        using var again = await _http.DeleteAsync($"/api/snapshots/{created.Id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task Get_AfterServerRestartOnSameFile_SameSnapshot()
    {
        var created = await CreateAsync(new StringContent(TestCluster.Rules(TestCluster.NodeA)));

        _http.Dispose();
        _server.Dispose();
        _server = Start();
        _http = _server.Http();
        using var response = await _http.GetAsync($"/api/snapshots/{created.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(created.Id, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Post_NotADump_400WithLine()
    {
        using var response = await _http.PostAsync("/api/snapshots", new ByteArrayContent([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(JsonValueKind.Number, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("line").ValueKind);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{ "node": "node-a", "expiresInSeconds": 0 }""")]
    [InlineData("not json")]
    public async Task Post_BadJsonRequest_400(string json)
    {
        using var response = await _http.PostAsync("/api/snapshots", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_UnknownNode_404()
    {
        using var response = await _http.PostAsync("/api/snapshots", JsonContent.Create(new { node = "no-such-node" }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/snapshots/AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("/api/snapshots/not-an-id")]
    public async Task Get_UnknownId_404(string path)
    {
        using var response = await _http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Post_OverSizeLimit_413()
    {
        using var response = await _http.PostAsync("/api/snapshots", new StringContent(TestCluster.RulesLongerThan(65536)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    public void Dispose()
    {
        _http.Dispose();
        _server.Dispose();
        _data.Dispose();
    }

    private LiveServer Start() => new(_data.Path, new Dictionary<string, string> { ["NetView:MaxUploadBytes"] = "65536" });

    private async Task<Created> CreateAsync(HttpContent content)
    {
        using (content)
        {
            using var response = await _http.PostAsync("/api/snapshots", content);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<Created>())!;
        }
    }

    private static long Connections(JsonElement document, string port, string address) =>
        document.GetProperty("servicePorts").EnumerateArray().Single(p => p.GetProperty("name").GetString() == port)
            .GetProperty("endpoints").EnumerateArray().Single(e => e.GetProperty("address").GetString() == address)
            .GetProperty("connections").GetInt64();

    private sealed record Created(string Id, string Url);
}
