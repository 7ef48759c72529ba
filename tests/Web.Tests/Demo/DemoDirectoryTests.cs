using NetView.Core.KubeProxy.Simulation;
using NetView.Web.Demo;
using NetView.Web.Kubernetes;

namespace NetView.Web.Tests.Demo;

public sealed class DemoDirectoryTests
{
    private static readonly ClusterSpec Cluster = DemoClusterSpec.Create(nodes: 3, servicePorts: 12);

    [Fact]
    public void Fill_DemoCluster_EveryEndpointHasASimulatedPodOnItsNode()
    {
        var directory = new ClusterDirectory();

        DemoDirectory.Fill(directory, Cluster);

        var endpoints = Cluster.Services.SelectMany(s => s.Endpoints).ToList();
        Assert.NotEmpty(endpoints);
        Assert.All(endpoints, e =>
        {
            var pod = directory.FindEndpoint(e.Address)!;
            Assert.StartsWith(DemoClusterSpec.NodePrefix, pod.PodName, StringComparison.Ordinal);
            Assert.Equal(e.NodeName, pod.NodeName);
            Assert.Equal(e.Ready, pod.Ready);
        });
        Assert.Equal(Cluster.Services.Count, directory.ServiceCount);
    }

    [Fact]
    public void PodNames_SameCluster_SameNamesShapedLikeADeploymentsPods()
    {
        var first = DemoDirectory.PodNames(Cluster);
        var again = DemoDirectory.PodNames(DemoClusterSpec.Create(nodes: 3, servicePorts: 12));

        Assert.Equal(first.OrderBy(p => p.Key), again.OrderBy(p => p.Key));
        var service = Cluster.Services.First(s => s.Endpoints.Count > 0);
        Assert.Matches($"^demo-{service.Name}-[bcdfghjklmnpqrstvwxz2456789]{{10}}-0$", first[service.Endpoints[0].Address]);
    }
}
