using System.Text;
using NetView.Web.Api;
using NetView.Web.Tests.Shared;

namespace NetView.Web.Tests.Api;

public sealed class MetricsApiTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly LiveServer _server;
    private readonly HttpClient _http;

    public MetricsApiTests()
    {
        _server = new LiveServer(_data.Path);
        _http = _server.Http();
    }

    [Fact]
    public async Task Metrics_AfterCounterFrame_EndpointConnectionsPerNode()
    {
        var agent = new FakeAgent("node-a", TestCluster.Rules(TestCluster.NodeA));
        await using var connection = _server.Agent();
        await connection.StartAsync();
        await connection.SendHelloAndSnapshotAsync(agent);
        agent.Count(agent.DnatSlot("10.244.1.21:6379"), 9);
        await connection.SendCountersAsync(agent.Frame(DateTimeOffset.UtcNow));

        var text = await _http.GetStringAsync("/metrics");

        Assert.Contains("netview_node_connected{node=\"node-a\"} 1\n", text);
        Assert.Contains(
            "netview_endpoint_connections_total{service_port=\"shop/cache:redis\",namespace=\"shop\",service=\"cache\",protocol=\"tcp\",endpoint=\"10.244.1.21:6379\",node=\"node-a\"} 9\n",
            text);
        Assert.Contains("netview_service_has_endpoints{service_port=\"shop/empty:http\",namespace=\"shop\",service=\"empty\",protocol=\"tcp\"} 0\n", text);
        Assert.Contains("# TYPE netview_endpoint_connections_total counter\n", text);
    }

    [Fact]
    public async Task Metrics_NoNodes_HeadersOnly()
    {
        var text = await _http.GetStringAsync("/metrics");

        Assert.Contains("# TYPE netview_node_connected gauge\n", text);
        Assert.DoesNotContain("netview_node_connected{", text);
    }

    [Fact]
    public void AppendEscaped_HostileLabel_QuotesBackslashesAndNewlinesEscaped()
    {
        var text = new StringBuilder();

        MetricsApi.AppendEscaped(text, "a\"b\\c\nd");

        Assert.Equal("a\\\"b\\\\c\\nd", text.ToString());
    }

    public void Dispose()
    {
        _http.Dispose();
        _server.Dispose();
        _data.Dispose();
    }
}
