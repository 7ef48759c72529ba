namespace NetView.Web.Hosting;

/// <summary>Registrations and endpoints of the dashboard: Blazor Server, MudBlazor, pages.</summary>
internal static class DashboardExtensions
{
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapDashboard(this WebApplication app) => app;
}
