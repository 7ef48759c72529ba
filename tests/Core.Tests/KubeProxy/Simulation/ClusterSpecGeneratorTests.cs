using NetView.Core.KubeProxy;
using NetView.Core.KubeProxy.Simulation;

namespace NetView.Core.Tests.KubeProxy.Simulation;

public sealed class ClusterSpecGeneratorTests
{
    [Fact]
    public void Random_SameSeed_GivesTheSameDump()
    {
        var first = ClusterSpecGenerator.Random(seed: 42, servicePorts: 120, endpointsPerService: 4);
        var second = ClusterSpecGenerator.Random(seed: 42, servicePorts: 120, endpointsPerService: 4);

        Assert.Equal(KubeProxyRulesWriter.Write(first, first.Nodes[0]), KubeProxyRulesWriter.Write(second, second.Nodes[0]));
    }

    [Fact]
    public void Random_OtherSeed_GivesAnotherCluster()
    {
        var first = ClusterSpecGenerator.Random(seed: 42, servicePorts: 50, endpointsPerService: 4);
        var second = ClusterSpecGenerator.Random(seed: 43, servicePorts: 50, endpointsPerService: 4);

        Assert.NotEqual(KubeProxyRulesWriter.Write(first, first.Nodes[0]), KubeProxyRulesWriter.Write(second, second.Nodes[0]));
    }

    [Fact]
    public void Random_MixedOptions_CoverEveryKindKubeProxyTreatsDifferently()
    {
        var cluster = ClusterSpecGenerator.Random(seed: 1, servicePorts: 500, endpointsPerService: 3);
        var services = cluster.Services;

        Assert.Equal(500, services.Sum(service => service.Ports.Count));
        Assert.Equal("default/kubernetes:https", services[0].ServicePortName(services[0].Ports[0]));
        Assert.Contains(services, service => service.Type == ServiceType.NodePort);
        Assert.Contains(services, service => service.Type == ServiceType.LoadBalancer && service.LoadBalancerSourceRanges.Count > 0);
        Assert.Contains(services, service => service.ExternalIPs.Count > 0);
        Assert.Contains(services, service => service.SessionAffinitySeconds is not null);
        Assert.Contains(services, service => service.ExternalTrafficPolicy == TrafficPolicy.Local);
        Assert.Contains(services, service => service.InternalTrafficPolicy == TrafficPolicy.Local);
        Assert.Contains(services, service => service.Endpoints.Count == 0);
        Assert.Contains(services, service => service.Endpoints.Any(endpoint => !endpoint.Ready));
        Assert.Contains(services, service => service.Ports.Any(port => port.Name.Length == 0));
        Assert.Contains(services, service => service.Ports.Any(port => port.Protocol == "udp"));
    }

    [Fact]
    public void Random_PlainOptions_WritesSeventeenRulesPerServicePortWithFiveEndpoints()
    {
        var cluster = ClusterSpecGenerator.Random(seed: 1, servicePorts: 200, endpointsPerService: 5,
            ClusterSpecGeneratorOptions.Plain with { IncludeKubernetesService = false });

        var dump = KubeProxyRulesWriter.Write(cluster, cluster.Nodes[0]);
        var kubeProxyRules = dump.Split('\n').Count(line => line.StartsWith("-A KUBE-S", StringComparison.Ordinal));

        // KUBE-SERVICES jump + masquerade + 5 cascade rules + 5 × (masquerade + DNAT), plus the NodePort catch-all.
        Assert.Equal((200 * 17) + 1, kubeProxyRules);
    }

    [Fact]
    public void Random_ClusterCidrTooSmall_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => ClusterSpecGenerator.Random(seed: 1, servicePorts: 1000, endpointsPerService: 10,
            ClusterSpecGeneratorOptions.Plain with { ClusterCidr = "10.244.0.0/24" }));

        Assert.Contains("10.244.0.0/24", error.Message, StringComparison.Ordinal);
    }
}
