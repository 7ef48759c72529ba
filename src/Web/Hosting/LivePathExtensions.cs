using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NetView.Core.Wire;
using NetView.Web.Api;
using NetView.Web.Hub;
using NetView.Web.Ingestion;
using NetView.Web.Storage;
using NetView.Web.ViewModels;

namespace NetView.Web.Hosting;

/// <summary>Registrations and endpoints of the live path: agent hub, ingestion, HTTP API, store.</summary>
internal static class LivePathExtensions
{
    /// <summary>History points waiting for the store; past this the oldest are dropped (and counted).</summary>
    private const int PendingWriteCapacity = 1_000_000;

    public static WebApplicationBuilder AddLivePath(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var development = builder.Environment.IsDevelopment();
        services.AddOptions<LivePathOptions>()
            .Bind(builder.Configuration.GetSection(LivePathOptions.Section))
            .PostConfigure(options =>
            {
                if (development && string.IsNullOrEmpty(options.AgentToken))
                {
                    options.AgentToken = LivePathOptions.DevelopmentAgentToken;
                }
            })
            .ValidateDataAnnotations()
            .Validate(o => o.RecentHistory > TimeSpan.Zero && o.DownsampledBucket >= TimeSpan.FromSeconds(1) && o.StoreFlushInterval > TimeSpan.Zero,
                "NetView:RecentHistory, DownsampledBucket (at least 1 s) and StoreFlushInterval must be positive.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<LivePathOptions>>().Value;
            return new HistoryLimits(o.RecentHistory, o.RecentSamples, o.DownsampledBucket, o.DownsampledBuckets);
        });
        services.AddSingleton<RuleTextPool>();
        services.AddSingleton<RuleSetCatalog>();
        services.AddSingleton<IngestionMetrics>();
        services.AddSingleton(sp => new ClusterState(
            sp.GetRequiredService<HistoryLimits>(),
            sp.GetRequiredService<IOptions<LivePathOptions>>().Value.ChangeEvents,
            sp.GetRequiredService<TimeProvider>(),
            new PendingWrites(PendingWriteCapacity)));
        services.AddSingleton<Ingestor>();
        services.AddSingleton<NodesApi.AnalysisCache>();

        services.AddDbContextFactory<NetViewDbContext>((sp, db) =>
        {
            var o = sp.GetRequiredService<IOptions<LivePathOptions>>().Value;

            // The options are one singleton per application, so this costs one internal provider
            // per application; EF's process-wide cache would otherwise tie later hosts in the same
            // process (tests) to the first host's disposed services.
            db.EnableServiceProviderCaching(false);
            if (o.StoreProvider == "PostgreSQL")
            {
                db.UseNpgsql(o.EffectiveConnectionString);
            }
            else
            {
                db.UseSqlite(o.EffectiveConnectionString);
            }
        });
        services.AddSingleton<HistoryStore>();
        services.AddOptions<SharedSnapshotOptions>().Bind(builder.Configuration.GetSection(SharedSnapshotOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SharedSnapshotStore>();
        services.AddSingleton(sp => new SharedSnapshots(
            sp.GetRequiredService<SharedSnapshotStore>(),
            sp.GetRequiredService<ClusterState>(),
            sp.GetRequiredService<IOptions<LivePathOptions>>(),
            sp.GetRequiredService<IOptions<SharedSnapshotOptions>>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<LiveStoreService>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveStoreService>());

        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, AgentTokenHandler>(AgentTokenHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(AgentTokenHandler.PolicyName, policy => policy
            .AddAuthenticationSchemes(AgentTokenHandler.SchemeName)
            .RequireAuthenticatedUser());
        services.AddSignalR()
            .AddMessagePackProtocol();
        services.AddOptions<HubOptions<AgentHub>>().Configure<IOptions<LivePathOptions>>((hub, live) =>
            hub.MaximumReceiveMessageSize = live.Value.MaximumReceiveMessageSize);

        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store");
        return builder;
    }

    public static WebApplication MapLivePath(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<LivePathOptions>>().Value;
        if (options.AgentToken == LivePathOptions.DevelopmentAgentToken)
        {
            app.Logger.LogWarning("Using the development agent token; set NetView:AgentToken before exposing this server.");
        }

        app.MapHealthChecks("/healthz");
        app.MapHub<AgentHub>(HubMethods.Path).RequireAuthorization(AgentTokenHandler.PolicyName);
        app.MapNodesApi();
        app.MapServicesApi();
        app.MapAnalyzeApi();
        app.MapSnapshotsApi();
        app.MapMetricsApi();
        return app;
    }
}
