using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using NetView.EndToEnd.Tests.Harness;
using Xunit.Abstractions;

namespace NetView.EndToEnd.Tests.Browser;

/// <summary>The demo cluster as the README runs it, and the same server at 10,000 service ports.</summary>
public sealed class DemoClusterTests(Chromium chromium, ITestOutputHelper output) : IClassFixture<Chromium>
{
    [Fact]
    public async Task Overview_DemoCluster_IsLabelledSimulatedOnEveryPage()
    {
        using var server = new ServerProcess(environment: "Development");
        server.Settings["NetView:Demo:Enabled"] = "true";
        await server.StartAsync();
        var (page, dialogs) = await DashboardBrowser.NewPageAsync(chromium.Browser);

        await DashboardBrowser.OpenAsync(page, server.BaseAddress);
        await page.GetByTestId("nodes-grid").GetByText("demo-node-0").WaitForAsync(new() { Timeout = 60_000 });
        Assert.Contains("Demo cluster — simulated", await page.GetByTestId("demo-banner").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByTestId("findings-grid").WaitForAsync();
        await DashboardBrowser.ScreenshotAsync(page, "demo-cluster");

        await DashboardBrowser.OpenAsync(page, new Uri(server.BaseAddress, "services"));
        await page.GetByTestId("service-link").First.WaitForAsync();
        Assert.Contains("Demo cluster — simulated", await page.GetByTestId("demo-banner").InnerTextAsync(), StringComparison.Ordinal);

        // No Kubernetes API is configured: the demo names its simulated pods, and the search finds a service by one.
        // Filled in one input event, not typed key by key: on a slow machine each key's debounced
        // search re-renders the list, and a click can land on an item of a list being replaced.
        await page.GetByPlaceholder("Service, IP, pod, chain or node").FillAsync("demo-");
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "pod" }).First.ClickAsync();
        var pod = page.GetByTestId("flow-pod-name").First;
        await pod.WaitForAsync();
        Assert.StartsWith("demo-", await pod.InnerTextAsync(), StringComparison.Ordinal);
        await DashboardBrowser.ScreenshotAsync(page, "demo-service-page");
        Assert.Empty(dialogs);
    }

    [Fact]
    public async Task ServicesAndServicePage_TenThousandServicePorts_RenderTimesAreReported()
    {
        using var server = new ServerProcess(environment: "Development");
        server.Settings["NetView:Demo:Enabled"] = "true";
        server.Settings["NetView:Demo:Nodes"] = "1";
        server.Settings["NetView:Demo:ServicePorts"] = "10000";
        await server.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        JsonElement services = default;
        await Poll.UntilAsync(
            TimeSpan.FromSeconds(180),
            async () =>
            {
                services = await http.GetFromJsonAsync<JsonElement>("/api/services");
                return services.GetArrayLength() >= 10_000 ? null : $"{services.GetArrayLength()} service ports so far";
            },
            () => server.Output);
        var names = services.EnumerateArray()
            .Where(s => s.GetProperty("endpoints").GetArrayLength() > 0)
            .Select(s => s.GetProperty("name").GetString()!)
            .Where(n => n.Contains(':', StringComparison.Ordinal) && !n.StartsWith("default/", StringComparison.Ordinal))
            .Take(2)
            .ToList();
        var (page, _) = await DashboardBrowser.NewPageAsync(chromium.Browser);
        // Warm the browser's cache of static assets on a light page, so the figures are about the data.
        await DashboardBrowser.OpenAsync(page, new Uri(server.BaseAddress, "import"));

        // The first visit after the server started also pays for compiling the pages' code; a
        // running server has done that once. Both are reported; the second is what users see.
        await TimeGridAndServicePage(page, server, names[0], " (first visit after the server started)");
        await TimeGridAndServicePage(page, server, names[1], "");
    }

    private async Task TimeGridAndServicePage(IPage page, ServerProcess server, string name, string when)
    {
        var stopwatch = Stopwatch.StartNew();
        await page.GotoAsync(new Uri(server.BaseAddress, "services").ToString());
        await DashboardBrowser.WaitForCircuitAsync(page);
        await page.GetByTestId("service-link").First.WaitForAsync();
        DashboardBrowser.Report(output, "services grid with 10,000 service ports, navigation to first rows" + when, stopwatch.Elapsed);

        var (ns, rest) = (name.Split('/')[0], name.Split('/')[1]);
        stopwatch.Restart();
        await page.GotoAsync(new Uri(server.BaseAddress, $"services/{ns}/{rest.Split(':')[0]}/{rest.Split(':')[1]}").ToString());
        await DashboardBrowser.WaitForCircuitAsync(page);
        await page.Locator("[data-testid=flow-node][data-kind=Endpoint]").First.WaitForAsync();
        DashboardBrowser.Report(output, "service page with 10,000 service ports loaded, navigation to flow graph" + when, stopwatch.Elapsed);
    }
}
