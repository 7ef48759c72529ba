using NetView.Core.KubeProxy;
using NetView.Core.KubeProxy.Simulation;

namespace NetView.Web.Demo;

/// <summary>
/// The demo cluster's services: the generator's mixed cluster, with nodes renamed "demo-…" so no one
/// mistakes them for real ones, and a seed chosen so that the small default cluster shows every
/// case the dashboard explains (NodePort, LoadBalancer with source ranges, Local policy, affinity,
/// a service without endpoints).
/// </summary>
public static class DemoClusterSpec
{
    public const string NodePrefix = "demo-";

    public static ClusterSpec Create(int nodes, int servicePorts)
    {
        ClusterSpec? best = null;
        for (var seed = 1; seed <= 64; seed++)
        {
            var spec = Rename(ClusterSpecGenerator.Random(seed, servicePorts, endpointsPerService: 3, ClusterSpecGeneratorOptions.Mixed with { NodeCount = nodes }));
            best ??= spec;
            if (ShowsEveryCase(spec))
            {
                return spec;
            }
        }

        return best!;
    }

    public static bool ShowsEveryCase(ClusterSpec spec) =>
        spec.Services.Any(s => s.Type == ServiceType.NodePort)
        && spec.Services.Any(s => s.Type == ServiceType.LoadBalancer && s.LoadBalancerSourceRanges.Count > 0)
        && spec.Services.Any(s => s.ExternalTrafficPolicy == TrafficPolicy.Local)
        && spec.Services.Any(s => s.SessionAffinitySeconds is not null)
        && spec.Services.Any(s => s.Endpoints.Count == 0);

    private static ClusterSpec Rename(ClusterSpec spec) => spec with
    {
        Nodes = [.. spec.Nodes.Select(n => n with { Name = NodePrefix + n.Name })],
        Services = [.. spec.Services.Select(s => s with
        {
            Endpoints = [.. s.Endpoints.Select(e => e.NodeName is null ? e : e with { NodeName = NodePrefix + e.NodeName })],
        })],
    };
}
