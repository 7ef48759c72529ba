using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;
using NetView.Web.Components;
using NetView.Web.Demo;
using NetView.Web.ViewModels;

namespace NetView.Web.Hosting;

/// <summary>Registrations and endpoints of the dashboard: Blazor Server, MudBlazor, pages.</summary>
internal static class DashboardExtensions
{
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<ImportOptions>().Bind(builder.Configuration.GetSection(ImportOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ImportStore>();
        builder.Services.AddSingleton<LiveClusterSource>();
        builder.Services.AddSingleton<DashboardSources>();
        builder.Services.AddOptions<DemoOptions>().Bind(builder.Configuration.GetSection(DemoOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
