using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NetView.Web.Tests.Shared;

namespace NetView.Web.Tests.Api;

public sealed class ApiTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly LiveServer _server;
    private readonly HttpClient _http;

    public ApiTests()
    {
        _server = new LiveServer(_data.Path, new Dictionary<string, string> { ["NetView:MaxUploadBytes"] = "65536" });
        _http = _server.Http();
    }

    [Fact]
    public async Task Healthz_StoreReachable_200()
    {
        using var response = await _http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Analyze_GeneratedDump_ServicePortsOfTheDump()
    {
        using var response = await _http.PostAsync("/api/analyze", new StringContent(TestCluster.Rules(TestCluster.NodeA)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ipv4", document.GetProperty("family").GetString());
        var names = document.GetProperty("servicePorts").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Order().ToList();
        Assert.Equal(["shop/cache:redis", "shop/empty:http", "shop/web:http"], names);
    }

    [Fact]
    public async Task Analyze_NotADump_400WithLine()
    {
        using var response = await _http.PostAsync("/api/analyze", new ByteArrayContent([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrEmpty(error.GetProperty("error").GetString()));
        Assert.Equal(JsonValueKind.Number, error.GetProperty("line").ValueKind);
    }

    [Fact]
    public async Task Analyze_OverSizeLimit_413()
    {
        using var response = await _http.PostAsync("/api/analyze", new StringContent(TestCluster.RulesLongerThan(65536)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Analyze_OverSizeLimitWithoutContentLength_413()
    {
        var body = Encoding.UTF8.GetBytes(new string('#', 70_000));
        using var content = new StreamContent(new NonSeekableStream(body));

        using var response = await _http.PostAsync("/api/analyze", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/nodes/no-such-node/analysis")]
    [InlineData("/api/services/shop/nothing/http/series")]
    public async Task Get_Unknown_404(string path)
    {
        using var response = await _http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/services/shop/web/http/series?seconds=abc")]
    [InlineData("/api/services/shop/web/http/series?seconds=0")]
    [InlineData("/api/services/shop/web/http/series?seconds=99999999")]
    [InlineData("/api/nodes/node-a/analysis?family=ipx")]
    public async Task Get_BadParameter_400(string path)
    {
        await using var connection = _server.Agent();
        await connection.StartAsync();
        await connection.SendHelloAndSnapshotAsync(new FakeAgent("node-a", TestCluster.Rules(TestCluster.NodeA)));

        using var response = await _http.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task NodeAnalysis_AfterCounterFrames_DocumentWithConnectionsAndCounterTimestamp()
    {
        var agent = new FakeAgent("node-a", TestCluster.Rules(TestCluster.NodeA));
        await using var connection = _server.Agent();
        await connection.StartAsync();
        await connection.SendHelloAndSnapshotAsync(agent);
        var timestamp = DateTimeOffset.UtcNow;
        agent.Count(agent.DnatSlot("10.244.1.21:6379"), 9);
        await connection.SendCountersAsync(agent.Frame(timestamp));

        var document = await _http.GetFromJsonAsync<JsonElement>("/api/nodes/node-a/analysis");

        Assert.Equal(timestamp.ToUnixTimeMilliseconds(), document.GetProperty("counterTimestamp").GetDateTimeOffset().ToUnixTimeMilliseconds());
        var cache = document.GetProperty("servicePorts").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "shop/cache:redis");
        Assert.Equal(10800, cache.GetProperty("sessionAffinitySeconds").GetInt32());
        var endpoint = cache.GetProperty("endpoints").EnumerateArray().Single(e => e.GetProperty("address").GetString() == "10.244.1.21:6379");
        Assert.Equal(9, endpoint.GetProperty("connections").GetInt64());
    }

    public void Dispose()
    {
        _http.Dispose();
        _server.Dispose();
        _data.Dispose();
    }

    /// <summary>A body without a known length, so the server cannot refuse it by Content-Length.</summary>
    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
