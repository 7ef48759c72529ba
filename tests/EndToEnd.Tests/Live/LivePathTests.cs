using System.Net.Http.Json;
using System.Text.Json;
using NetView.Core.Iptables;
using NetView.Core.KubeProxy;
using NetView.EndToEnd.Tests.Harness;

namespace NetView.EndToEnd.Tests.Live;

/// <summary>
/// The live path end to end: generated kube-proxy rules loaded into a network namespace, the real
/// agent reading them there, the real server on the host side, real TCP connections through nat
/// OUTPUT, and the kernel's own counters as the oracle.
/// </summary>
public sealed class LivePathTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <param name="published">
    /// The agent as its image ships it (src/Agent/Dockerfile: one NativeAOT executable, its MessagePack
    /// frames formatted by hand), which is what runs on nodes, rather than the build output.
    /// </param>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AgentInNamespace_RealConnections_ServicesMatchKernelCountersAcrossServerRestart(bool published)
    {
        Command.RequireRoot();
        using var network = ClusterNamespace();
        using var server = new ServerProcess([network.HostAddress]);
        await server.StartAsync();
        using var agent = AgentProcess.Start(network, server.UrlOn(network.HostAddress), server.AgentToken, LivePathCluster.Node, Interval, published);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        string Logs() => $"server:\n{server.Output}\nagent:\n{agent.Output}";

        await Poll.UntilAsync(TimeSpan.FromSeconds(60), () => NodeReportingAsync(http), Logs);
        await DriveAsync(network, web: 20, cache: 9, empty: 3);
        await Poll.UntilAsync(2 * Interval + Slack, () => MatchesKernelAsync(http, network), Logs);
        var steadySince = DateTimeOffset.UtcNow;

        server.Stop();
        var downSince = DateTimeOffset.UtcNow;
        await DriveAsync(network, web: 7, cache: 4, empty: 1);
        // The outage itself, not a wait for a condition: the agent must keep reading and backlog its ticks.
        await Task.Delay(TimeSpan.FromSeconds(4) - (DateTimeOffset.UtcNow - downSince) is { Ticks: > 0 } rest ? rest : TimeSpan.Zero);
        await server.StartAsync();

        await Poll.UntilAsync(TimeSpan.FromSeconds(30), () => MatchesKernelAsync(http, network), Logs);
        await Poll.UntilAsync(2 * Interval + Slack, () => SeriesCompleteAsync(http, network, steadySince), Logs);
    }

    [Fact]
    public async Task Agent_WrongToken_RefusedAndNeverListed()
    {
        Command.RequireRoot();
        using var network = NetworkNamespace.Create();
        using var server = new ServerProcess([network.HostAddress]);
        await server.StartAsync();
        using var agent = AgentProcess.Start(network, server.UrlOn(network.HostAddress), "wrong-token-0123456789", "intruder", Interval);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        await Poll.UntilAsync(
            TimeSpan.FromSeconds(60),
            () => Task.FromResult(server.Output.Contains("wrong agent token", StringComparison.Ordinal) ? null : "the server has not refused the agent yet"),
            () => $"server:\n{server.Output}\nagent:\n{agent.Output}");

        var nodes = await http.GetFromJsonAsync<JsonElement>("/api/nodes");
        Assert.Empty(nodes.EnumerateArray());
    }

    /// <summary>A namespace with the cluster's endpoints listening and its kube-proxy rules loaded.</summary>
    private static NetworkNamespace ClusterNamespace()
    {
        var network = NetworkNamespace.Create();
        try
        {
            foreach (var endpoint in LivePathCluster.Endpoints)
            {
                network.AddAddress(endpoint.Address);
                network.Listen(endpoint);
            }

            network.RestoreIptables(LivePathCluster.Rules);
            return network;
        }
        catch
        {
            network.Dispose(); // the namespace is not left behind when setting it up fails
            throw;
        }
    }

    /// <summary>HTTP round trips and the poll step on top of the two intervals the data may take.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(1.5);

    private static async Task DriveAsync(NetworkNamespace network, int web, int cache, int empty)
    {
        Assert.Equal(new ConnectionOutcome(web, 0, 0), await network.ConnectAsync(LivePathCluster.ClusterIp("web"), web));
        Assert.Equal(new ConnectionOutcome(cache, 0, 0), await network.ConnectAsync(LivePathCluster.ClusterIp("cache"), cache));
        Assert.Equal(new ConnectionOutcome(0, empty, 0), await network.ConnectAsync(LivePathCluster.ClusterIp("empty"), empty));
    }

    private static async Task<string?> NodeReportingAsync(HttpClient http)
    {
        var nodes = await http.GetFromJsonAsync<JsonElement>("/api/nodes");
        var node = nodes.EnumerateArray().FirstOrDefault(n => n.GetProperty("name").GetString() == LivePathCluster.Node);
        return node.ValueKind == JsonValueKind.Object
            && node.GetProperty("connected").GetBoolean()
            && node.GetProperty("families").EnumerateArray().Any(f => f.GetProperty("counterTimestamp").ValueKind == JsonValueKind.String)
                ? null
                : "the node has not reported counters yet";
    }

    /// <summary>Per-endpoint connections of the kernel's DNAT rules, read with iptables-save -c in the namespace.</summary>
    private static Dictionary<string, long> KernelConnections(NetworkNamespace network)
    {
        var analysis = KubeProxyAnalyzer.Analyze(IptablesParser.Parse(network.SaveIptables()));
        return analysis.ServicePorts
            .SelectMany(p => p.Endpoints.Select(e => ($"{p.Name} -> {e.Address}", e.Connections ?? 0)))
            .ToDictionary(x => x.Item1, x => x.Item2);
    }

    private static async Task<string?> MatchesKernelAsync(HttpClient http, NetworkNamespace network)
    {
        var kernel = KernelConnections(network);
        Assert.True(kernel.Values.Sum() > 0, "the kernel counted no connections at all");
        JsonElement services;
        try
        {
            services = await http.GetFromJsonAsync<JsonElement>("/api/services");
        }
        catch (HttpRequestException exception)
        {
            return $"the server does not answer yet: {exception.Message}";
        }

        var served = services.EnumerateArray()
            .SelectMany(s => s.GetProperty("endpoints").EnumerateArray().Select(e => ($"{s.GetProperty("name").GetString()} -> {e.GetProperty("address").GetString()}", e.GetProperty("connections").GetInt64())))
            .ToDictionary(x => x.Item1, x => x.Item2);
        var differences = kernel.Where(k => served.GetValueOrDefault(k.Key, -1) != k.Value).Select(k => $"{k.Key}: kernel {k.Value}, server {served.GetValueOrDefault(k.Key, -1)}").ToList();
        return differences.Count == 0 && served.Count == kernel.Count ? null : string.Join("; ", differences.DefaultIfEmpty($"{served.Count} endpoints served, kernel has {kernel.Count}"));
    }

    /// <summary>
    /// The series of every endpoint add up to the kernel's counters (all connections were made after
    /// the agent's first reading), and from the first match with the kernel on, no interval
    /// is longer than two agent intervals: the ticks the agent read while the server was down
    /// arrived after it came back. (Before that, the agent's first ticks may be slow while it warms up.)
    /// </summary>
    private static async Task<string?> SeriesCompleteAsync(HttpClient http, NetworkNamespace network, DateTimeOffset checkedFrom)
    {
        var kernel = KernelConnections(network);
        foreach (var (name, path) in new[] { ("shop/web:http", "shop/web/http"), ("shop/cache:redis", "shop/cache/redis") })
        {
            var series = await http.GetFromJsonAsync<JsonElement>($"/api/services/{path}/series?seconds=600");
            foreach (var endpoint in series.GetProperty("endpoints").EnumerateArray())
            {
                var points = endpoint.GetProperty("nodes").EnumerateArray().Single().GetProperty("points").EnumerateArray().ToList();
                var sum = points.Sum(p => p.GetProperty("connections").GetInt64());
                var key = $"{name} -> {endpoint.GetProperty("address").GetString()}";
                if (sum != kernel[key])
                {
                    return $"{key}: the series sums to {sum}, the kernel counted {kernel[key]}";
                }

                // Intervals that began after the first match: the one running then may still hold a warm-up tick.
                var longest = points
                    .Where(p => p.GetProperty("timestamp").GetDateTimeOffset().AddSeconds(-p.GetProperty("intervalSeconds").GetDouble()) >= checkedFrom)
                    .MaxBy(p => p.GetProperty("intervalSeconds").GetDouble());
                if (longest.ValueKind == JsonValueKind.Undefined)
                {
                    return $"{key}: no interval began after the first match yet";
                }

                if (longest.GetProperty("intervalSeconds").GetDouble() > 2 * Interval.TotalSeconds)
                {
                    return $"{key}: the interval ending {longest.GetProperty("timestamp")} lasted {longest.GetProperty("intervalSeconds")} s: ticks were lost across the restart";
                }
            }
        }

        return null;
    }
}
