using Blazor.Diagrams.Core.Geometry;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;
using NetView.Web.Demo;
using NetView.Web.Ingestion;
using NetView.Web.Kubernetes;
using NetView.Web.ViewModels;

namespace NetView.Web.Tests.Shared;

/// <summary>
/// A bUnit context with what the dashboard registers: MudBlazor (JS interop loose), Blazor.Diagrams'
/// size probe answered, an interactive renderer (the graphs render only then), a fake clock, a
/// hand-written live source and an empty cluster directory (what the Kubernetes API says).
/// </summary>
public abstract class DashboardContext : BunitContext, IAsyncLifetime
{
    internal FakeDashboardSource Live { get; } = new();
    internal ClusterDirectory Directory { get; } = new();
    internal FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 27, 1, 0, 0, TimeSpan.Zero));
    internal TempDirectory Data { get; } = new();
    internal SharedSnapshots Snapshots { get; }

    /// <summary>What the snapshot links freeze from (the live node page's "Share snapshot"); feed it through a <see cref="TestIngestion"/>.</summary>
    internal ClusterState ClusterState { get; }

    protected DashboardContext()
    {
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddSingleton(Options.Create(new ImportOptions()));
        Services.AddSingleton(Options.Create(new DemoOptions()));
        Services.AddSingleton<ImportStore>();
        Services.AddSingleton<DumpImporter>();
        Services.AddSingleton<IDashboardSource>(Live);
        Services.AddSingleton(Directory);
        ClusterState = new ClusterState(HistoryLimits.Default, 100, Clock, new PendingWrites(1000));
        Snapshots = SnapshotStores.Create(Data.Path, Clock, ClusterState);
        Services.AddSingleton(Snapshots);
        Services.AddSingleton<DashboardSources>();
        JSInterop.Mode = JSRuntimeMode.Loose;
        JSInterop.Setup<Rectangle>("ZBlazorDiagrams.getBoundingClientRect", _ => true).SetResult(new Rectangle(0, 0, 1200, 560));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    protected void NavigateTo(string uri) => Services.GetRequiredService<NavigationManager>().NavigateTo(uri);

    protected void RenderPopovers() => Render<MudPopoverProvider>();

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        Data.Dispose();
    }
}
