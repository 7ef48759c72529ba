namespace NetView.Web.Hosting;

/// <summary>Registrations and endpoints of the live path: agent hub, ingestion, HTTP API, store.</summary>
internal static class LivePathExtensions
{
    public static WebApplicationBuilder AddLivePath(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks();
        return builder;
    }

    public static WebApplication MapLivePath(this WebApplication app)
    {
        app.MapHealthChecks("/healthz");
        return app;
    }
}
