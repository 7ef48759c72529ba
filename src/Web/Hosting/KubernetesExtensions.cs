using k8s;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
        builder.Services.TryAddSingleton(TimeProvider.System);
        if (options.Enabled)
        {
            builder.Services.AddSingleton<IKubernetes>(_ => KubernetesWatcher.CreateClient(options));
            builder.Services.AddHostedService<KubernetesWatcher>();
        }

        return builder;
    }
}
