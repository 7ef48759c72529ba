using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using NetView.Core.Wire;
using NetView.Web.Tests.Shared;

namespace NetView.Web.Tests.Hub;

public sealed class AgentHubTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly LiveServer _server;
    private readonly FakeAgent _agent = new("node-a", TestCluster.Rules(TestCluster.NodeA));

    public AgentHubTests()
    {
        _server = new LiveServer(_data.Path, new Dictionary<string, string> { ["NetView:MaximumReceiveMessageSize"] = "65536" });
    }

    [Theory]
    [InlineData("wrong-token-0123456789")]
    [InlineData(null)]
    public async Task Connect_WrongOrMissingToken_Refused(string? token)
    {
        await using var connection = _server.Agent(token);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Frames_FromRealEncoder_NodeAndServiceCountsInApi()
    {
        await using var connection = _server.Agent();
        await connection.StartAsync();
        await connection.SendHelloAndSnapshotAsync(_agent);
        var now = DateTimeOffset.UtcNow;
        await connection.SendCountersAsync(_agent.Frame(now));
        _agent.Count(_agent.DnatSlot("10.244.1.10:8080"), 6);
        _agent.Count(_agent.DnatSlot("10.244.2.10:8080"), 4);
        await connection.SendCountersAsync(_agent.Frame(now.AddSeconds(1)));

        using var http = _server.Http();
        var nodes = await http.GetFromJsonAsync<JsonElement>("/api/nodes");
        var services = await http.GetFromJsonAsync<JsonElement>("/api/services");

        var node = Assert.Single(nodes.EnumerateArray());
        Assert.Equal("node-a", node.GetProperty("name").GetString());
        Assert.True(node.GetProperty("connected").GetBoolean());
        Assert.Equal("ipv4", node.GetProperty("family").GetString());
        Assert.Equal("nf_tables", node.GetProperty("backend").GetString());
        Assert.Equal(_agent.Snapshot.RuleCount, node.GetProperty("rules").GetInt32());
        var web = services.EnumerateArray().Single(s => s.GetProperty("name").GetString() == "shop/web:http");
        Assert.Equal(10, web.GetProperty("connections").GetInt64());
        Assert.Equal(
            [("10.244.1.10:8080", 6L), ("10.244.2.10:8080", 4L)],
            web.GetProperty("endpoints").EnumerateArray().Select(e => (e.GetProperty("address").GetString()!, e.GetProperty("connections").GetInt64())));
    }

    [Fact]
    public async Task Counters_UnknownHash_ServerAsksForSnapshot()
    {
        await using var connection = _server.Agent();
        var requested = new TaskCompletionSource<SnapshotRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<SnapshotRequest>(HubMethods.RequestSnapshot, request => requested.TrySetResult(request));
        await connection.StartAsync();
        await connection.InvokeAsync(HubMethods.Hello, _agent.Hello);

        await connection.SendCountersAsync(_agent.Frame(DateTimeOffset.UtcNow));

        var request = await requested.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(_agent.Snapshot.Hash, request.Hash);
    }

    [Fact]
    public async Task Counters_WrongRuleCount_InvocationFailsWithReason()
    {
        await using var connection = _server.Agent();
        await connection.StartAsync();
        await connection.SendHelloAndSnapshotAsync(_agent);
        var frame = _agent.Frame(DateTimeOffset.UtcNow);

        var refused = await Assert.ThrowsAsync<HubException>(() => connection.SendCountersAsync(frame with { RuleCount = 3 }));

        Assert.Contains("ruleCount 3", refused.Message, StringComparison.Ordinal);
        await connection.SendCountersAsync(frame);
    }

    [Fact]
    public async Task Counters_GarbagePayload_InvocationFailsAndConnectionStays()
    {
        await using var connection = _server.Agent();
        await connection.StartAsync();
        await connection.SendHelloAndSnapshotAsync(_agent);
        var frame = _agent.Frame(DateTimeOffset.UtcNow);

        await Assert.ThrowsAsync<HubException>(() => connection.SendCountersAsync(frame with { Payload = [0x80, 0x80, 0x80] }));

        Assert.Equal(HubConnectionState.Connected, connection.State);
    }

    [Fact]
    public async Task Frame_BeforeHello_InvocationFails()
    {
        await using var connection = _server.Agent();
        await connection.StartAsync();

        var refused = await Assert.ThrowsAsync<HubException>(() => connection.SendCountersAsync(_agent.Frame(DateTimeOffset.UtcNow)));

        Assert.Contains("before hello", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_OverReceiveLimit_ConnectionClosed()
    {
        await using var connection = _server.Agent();
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += error =>
        {
            closed.TrySetResult(error);
            return Task.CompletedTask;
        };
        await connection.StartAsync();
        await connection.InvokeAsync(HubMethods.Hello, _agent.Hello);
        var chunk = _agent.Chunks().Single();

        _ = connection.SendAsync(HubMethods.SnapshotChunk, chunk with { Data = new byte[100_000] });

        Assert.NotNull(await closed.Task.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    public void Dispose()
    {
        _server.Dispose();
        _data.Dispose();
    }
}
