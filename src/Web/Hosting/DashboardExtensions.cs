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
        var import = builder.Configuration.GetSection(ImportOptions.Section).Get<ImportOptions>() ?? new ImportOptions();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents()
            // A pasted dump travels over the circuit as one JSON message (escaped, so up to about twice
            // its size); the default 32 KB would drop the circuit on any real dump.
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = (2L * import.MaxBytes) + (64 * 1024));
        builder.Services.AddMudServices();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<ImportOptions>().Bind(builder.Configuration.GetSection(ImportOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ImportStore>();
        builder.Services.AddSingleton<DumpImporter>();
        builder.Services.AddSingleton<IDashboardSource, LiveClusterSource>();
        builder.Services.AddSingleton<DashboardSources>();
        builder.Services.AddHostedService<ServiceCatalogWarmer>();
        builder.Services.AddOptions<DemoOptions>().Bind(builder.Configuration.GetSection(DemoOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        if (builder.Configuration.GetValue<bool>($"{DemoOptions.Section}:{nameof(DemoOptions.Enabled)}"))
        {
            builder.Services.AddHostedService<DemoCluster>();
        }

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
