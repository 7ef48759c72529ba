using System.Diagnostics;
using NetView.EndToEnd.Tests.Harness;
using NetView.EndToEnd.Tests.Live;
using Xunit.Abstractions;

namespace NetView.EndToEnd.Tests.Browser;

/// <summary>
/// The dashboard in real Chromium against the real server, fed by the real agent reading real
/// kube-proxy rules in a network namespace while real TCP connections go through them.
/// </summary>
public sealed class LiveDashboardTests(Chromium chromium, ITestOutputHelper output) : IClassFixture<Chromium>
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task ServicePage_RealAgent_ShowsEndpointSharesAndCountersRiseWithoutReload()
    {
        Command.RequireRoot();
        using var network = NetworkNamespace.Create();
        foreach (var endpoint in LivePathCluster.Endpoints)
        {
            network.AddAddress(endpoint.Address);
            network.Listen(endpoint);
        }

        network.RestoreIptables(LivePathCluster.Rules);
        using var server = new ServerProcess([network.HostAddress], environment: "Development");
        server.Settings["NetView:Demo:Enabled"] = "false";
        await server.StartAsync();
        using var agent = AgentProcess.Start(network, server.UrlOn(network.HostAddress), server.AgentToken, LivePathCluster.Node, Interval);
        string Logs() => $"server:\n{server.Output}\nagent:\n{agent.Output}";
        var (page, dialogs) = await DashboardBrowser.NewPageAsync(chromium.Browser);

        await DashboardBrowser.OpenAsync(page, new Uri(server.BaseAddress, "services/shop/web/http?window=60"));
        await Poll.UntilAsync(
            TimeSpan.FromSeconds(60),
            async () => await page.Locator("[data-testid=flow-node][data-kind=Endpoint]").CountAsync() == 2 ? null : "the service page has no endpoint boxes yet",
            Logs);

        var endpoints = page.Locator("[data-testid=flow-node][data-kind=Endpoint]");
        Assert.Equal(["10.244.7.10:8080", "10.244.7.11:8080"], await endpoints.Locator(".nv-flow-title").AllInnerTextsAsync());
        Assert.Equal(["50 %", "50 %"], await endpoints.Locator("[data-testid=flow-share]").AllInnerTextsAsync());

        // A marker on window survives only if the page is never reloaded.
        await page.EvaluateAsync("() => window.nvNoReload = true");
        await network.ConnectAsync(LivePathCluster.ClusterIp("web"), 20);
        await page.WaitForFunctionAsync("() => window.nvNoReload && document.querySelectorAll('[data-testid=endpoint-connections]').length === 2", null, new() { Timeout = 30_000 });
        await WaitForConnectionsAsync(page, atLeast: 20);

        var before = await ConnectionsOnPageAsync(page);
        var stopwatch = Stopwatch.StartNew();
        await network.ConnectAsync(LivePathCluster.ClusterIp("web"), 10);
        await WaitForConnectionsAsync(page, atLeast: before + 10);
        DashboardBrowser.Report(output, "counter change → service page, 1 s agent interval", stopwatch.Elapsed);

        Assert.True(await page.EvaluateAsync<bool>("() => window.nvNoReload === true"));
        Assert.Empty(dialogs);
        await DashboardBrowser.ScreenshotAsync(page, "service-page");

        await DashboardBrowser.OpenAsync(page, new Uri(server.BaseAddress, $"nodes/{LivePathCluster.Node}?table=nat&chain=KUBE-SERVICES"));
        await page.GetByTestId("chain-group").First.WaitForAsync();
        Assert.Contains("Connections", await page.GetByTestId("rules-grid").Locator("thead").InnerTextAsync(), StringComparison.Ordinal);
        await DashboardBrowser.ScreenshotAsync(page, "node-page");

        await DashboardBrowser.OpenAsync(page, new Uri(server.BaseAddress, "services"));
        await page.GetByTestId("service-link").First.WaitForAsync();
        await DashboardBrowser.ScreenshotAsync(page, "services");

        await DashboardBrowser.OpenAsync(page, server.BaseAddress);
        await page.GetByTestId("nodes-grid").GetByText(LivePathCluster.Node).WaitForAsync();
        await DashboardBrowser.ScreenshotAsync(page, "overview");
    }

    private static Task<long> ConnectionsOnPageAsync(Microsoft.Playwright.IPage page) =>
        page.EvaluateAsync<long>("() => [...document.querySelectorAll('[data-testid=endpoint-connections]')].reduce((sum, cell) => sum + Number(cell.textContent.replace(/,/g, '')), 0)");

    private static Task WaitForConnectionsAsync(Microsoft.Playwright.IPage page, long atLeast) =>
        page.WaitForFunctionAsync(
            "atLeast => [...document.querySelectorAll('[data-testid=endpoint-connections]')].reduce((sum, cell) => sum + Number(cell.textContent.replace(/,/g, '')), 0) >= atLeast",
            atLeast,
            new() { Timeout = 30_000, PollingInterval = 20 });
}
