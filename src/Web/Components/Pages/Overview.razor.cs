using NetView.Web.ViewModels;

namespace NetView.Web.Components.Pages;

public sealed partial class Overview
{
    private ClusterOverview _overview = ClusterOverview.Empty;

    private static MudBlazor.Color SeverityColor(string severity) => severity switch
    {
        "error" => MudBlazor.Color.Error,
        "warning" => MudBlazor.Color.Warning,
        _ => MudBlazor.Color.Info,
    };

    // Totals over every service port: once a second is live enough and spares a big cluster's server.
    protected override TimeSpan RefreshInterval => TimeSpan.FromSeconds(1);

    protected override void Load() => _overview = Source is null ? ClusterOverview.Empty : ClusterOverview.Of(Source);
}
