using k8s;
using Microsoft.Extensions.Options;
using NetView.Web.Kubernetes;

namespace NetView.Web.Hosting;

/// <summary>Optional reading of Services and EndpointSlices from the Kubernetes API.</summary>
internal static class KubernetesExtensions
{
    public static WebApplicationBuilder AddKubernetesApi(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(KubernetesOptions.Section).Get<KubernetesOptions>() ?? new KubernetesOptions();
        builder.Services.AddSingleton(Options.Create(options));
        builder.Services.AddSingleton(new ClusterDirectory(options.MaxObjects));
        builder.Services.TryAddTimeProvider();
        if (options.Enabled)
        {
            builder.Services.AddSingleton<IKubernetes>(_ => KubernetesWatcher.CreateClient(options));
            builder.Services.AddHostedService<KubernetesWatcher>();
        }

        return builder;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
