using Microsoft.Playwright;
using NetView.EndToEnd.Tests.Harness;
using Xunit.Abstractions;

namespace NetView.EndToEnd.Tests.Browser;

/// <summary>What the browser tests share: opening a page and waiting for its circuit, screenshots, stopwatch figures.</summary>
internal static class DashboardBrowser
{
    /// <summary>Where the committed screenshots live.</summary>
    public static string ScreenshotDirectory => Path.Combine(BuildOutput.RepositoryRoot, "docs", "screenshots");

    /// <summary>A page that records every dialog (an alert() would be one) and every page error.</summary>
    public static async Task<(IPage Page, List<string> Dialogs)> NewPageAsync(IBrowser browser)
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1600, Height = 1000 } });
        var page = await context.NewPageAsync();
        // CI's two cores also run the server and its simulated agents: a step may take longer than
        // Playwright's 30 s default there, and a figure that matters has its own assertion.
        page.SetDefaultTimeout(60_000);
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        return (page, dialogs);
    }

    /// <summary>Loads a URL and waits until the Blazor circuit is interactive (the layout's marker).</summary>
    public static async Task OpenAsync(IPage page, Uri url)
    {
        await page.GotoAsync(url.ToString());
        await WaitForCircuitAsync(page);
    }

    // The page's own timeout (60 s, NewPageAsync): the first page of a server just started compiles
    // the dashboard's code on the same two busy cores; a fixed 30 s here once ran out on CI's machine.
    public static Task WaitForCircuitAsync(IPage page) =>
        page.Locator("[data-testid=circuit-ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = false });
    }

    /// <summary>
    /// Records a measured figure in the test output and in <c>artifacts/browser-figures.txt</c>
    /// (the lead copies them into BENCHMARKS.md).
    /// </summary>
    public static void Report(ITestOutputHelper output, string figure, TimeSpan elapsed)
    {
        var line = $"[browser figure] {figure}: {elapsed.TotalMilliseconds:0} ms";
        output.WriteLine(line);
        var artifacts = Path.Combine(BuildOutput.RepositoryRoot, "artifacts");
        Directory.CreateDirectory(artifacts);
        File.AppendAllText(Path.Combine(artifacts, "browser-figures.txt"), $"{DateTimeOffset.UtcNow:u} {line}{Environment.NewLine}");
    }
}
