using Microsoft.Extensions.Options;
using NetView.Web.Ingestion;
using NetView.Web.Kubernetes;

namespace NetView.Web.Demo;

/// <summary>
/// The clearly labelled demo cluster: a few simulated "demo-" nodes replaying generated kube-proxy
/// rules with counters that grow as the cascade splits new connections. Runs only when
/// <c>NetView:Demo:Enabled</c> is true; real agents connect to the same server beside it. Without a
/// real Kubernetes API, it also fills the cluster directory, so the demo names its pods.
/// </summary>
internal sealed partial class DemoCluster(
    Ingestor ingestor,
    IOptions<DemoOptions> options,
    IOptions<KubernetesOptions> kubernetes,
    ClusterDirectory directory,
    TimeProvider time,
    ILogger<DemoCluster> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var demo = options.Value;
        var cluster = DemoClusterSpec.Create(demo.Nodes, demo.ServicePorts);
        var agents = cluster.Nodes.Select((node, i) => new DemoAgent(cluster, node, ingestor.OpenSession(), seed: i + 1, demo.Interval)).ToList();
        LogStarted(logger, agents.Count, cluster.Services.Count);
        if (!kubernetes.Value.Enabled)
        {
            DemoDirectory.Fill(directory, cluster);
        }

        try
        {
            foreach (var agent in agents)
            {
                agent.Connect();
            }

            var perNode = (int)Math.Round(demo.ConnectionsPerSecond * demo.Interval.TotalSeconds / agents.Count);
            using var timer = new PeriodicTimer(demo.Interval, time);
            do
            {
                var now = time.GetUtcNow();
                foreach (var agent in agents)
                {
                    agent.Tick(perNode, now);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var agent in agents)
            {
                agent.Close();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo cluster: {Nodes} simulated nodes, {Services} services (NetView:Demo:Enabled)")]
    private static partial void LogStarted(ILogger logger, int nodes, int services);
}
