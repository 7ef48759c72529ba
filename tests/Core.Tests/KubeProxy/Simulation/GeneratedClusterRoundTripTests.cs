using NetView.Core.Iptables;
using NetView.Core.KubeProxy;
using NetView.Core.KubeProxy.Simulation;

namespace NetView.Core.Tests.KubeProxy.Simulation;

// Generate random clusters, write each node's rules, parse them, analyse them, and check that
// every service port comes back exactly as specified: what the analyzer reads is what
// kube-proxy was told.
public sealed class GeneratedClusterRoundTripTests
{
    public static TheoryData<int, IpFamily, int, bool> Clusters => new()
    {
        { 1, IpFamily.IPv4, 0, false },
        { 2, IpFamily.IPv4, 1, false },
        { 3, IpFamily.IPv4, 2, true },
        { 4, IpFamily.IPv6, 0, false },
        { 5, IpFamily.IPv6, 1, true },
        { 6, IpFamily.IPv4, 2, false },
    };

    [Theory]
    [MemberData(nameof(Clusters))]
    public void Analyze_GeneratedNodeDump_ReturnsEveryServicePortAsSpecified(int seed, IpFamily family, int nodeIndex, bool counters)
    {
        var cluster = ClusterSpecGenerator.Random(seed, servicePorts: 150, endpointsPerService: 4,
            ClusterSpecGeneratorOptions.Mixed with { Family = family });
        var node = cluster.Nodes[nodeIndex];
        var options = RulesWriterOptions.Default with { Counters = counters ? RulesWriterOptions.RandomCounters(seed) : null };

        var analysis = KubeProxyAnalyzer.Analyze(IptablesParser.Parse(KubeProxyRulesWriter.Write(cluster, node, options)));

        Assert.Equal(family, analysis.Family);
        Assert.Equal(ProxyMode.Iptables, analysis.Mode);
        Assert.Equal(cluster.ClusterCidr, analysis.ClusterCidr);
        var expected = cluster.Services.SelectMany(service => service.Ports.Select(port => Expect(cluster, node, service, port))).ToList();
        Assert.Equal(expected.Select(port => port.Name).Order(StringComparer.Ordinal), analysis.ServicePorts.Select(port => port.Name).Order(StringComparer.Ordinal));
        foreach (var want in expected)
        {
            var got = Assert.Single(analysis.ServicePorts, port => port.Name == want.Name);
            AssertSame(want, got, counters);
        }
    }

    [Fact]
    public void Analyze_LargeClusterModeDump_FindsEndpointsWithoutComments()
    {
        var cluster = ClusterSpecGenerator.Random(seed: 9, servicePorts: 400, endpointsPerService: 3);
        var node = cluster.Nodes[0];

        var analysis = KubeProxyAnalyzer.Analyze(IptablesParser.Parse(KubeProxyRulesWriter.Write(cluster, node)));

        foreach (var want in cluster.Services.SelectMany(service => service.Ports.Select(port => Expect(cluster, node, service, port))))
        {
            AssertSame(want, Assert.Single(analysis.ServicePorts, port => port.Name == want.Name), counters: false);
        }
    }

    private static void AssertSame(ServicePort want, ServicePort got, bool counters)
    {
        var subject = want.Name;
        Assert.True(want.Protocol == got.Protocol, $"{subject}: protocol {got.Protocol}, want {want.Protocol}");
        Assert.True(want.Namespace == got.Namespace && want.Service == got.Service && want.PortName == got.PortName, $"{subject}: name parts {got.Namespace}/{got.Service}:{got.PortName}");
        Assert.True(want.ClusterIP == got.ClusterIP, $"{subject}: clusterIP {got.ClusterIP}, want {want.ClusterIP}");
        Assert.True(want.ClusterPort == got.ClusterPort, $"{subject}: clusterPort {got.ClusterPort}, want {want.ClusterPort}");
        Assert.True(want.NodePort == got.NodePort, $"{subject}: nodePort {got.NodePort}, want {want.NodePort}");
        Assert.True(want.HealthCheckNodePort == got.HealthCheckNodePort, $"{subject}: healthCheckNodePort {got.HealthCheckNodePort}, want {want.HealthCheckNodePort}");
        Assert.True(want.ExternalIPs.SequenceEqual(got.ExternalIPs), $"{subject}: externalIPs [{string.Join(",", got.ExternalIPs)}], want [{string.Join(",", want.ExternalIPs)}]");
        Assert.True(want.LoadBalancerIPs.SequenceEqual(got.LoadBalancerIPs), $"{subject}: loadBalancerIPs [{string.Join(",", got.LoadBalancerIPs)}], want [{string.Join(",", want.LoadBalancerIPs)}]");
        Assert.True(want.LoadBalancerSourceRanges.SequenceEqual(got.LoadBalancerSourceRanges), $"{subject}: sourceRanges [{string.Join(",", got.LoadBalancerSourceRanges)}], want [{string.Join(",", want.LoadBalancerSourceRanges)}]");
        Assert.True(want.SessionAffinitySeconds == got.SessionAffinitySeconds, $"{subject}: affinity {got.SessionAffinitySeconds}, want {want.SessionAffinitySeconds}");
        Assert.True(want.ExternalTrafficPolicy == got.ExternalTrafficPolicy, $"{subject}: externalTrafficPolicy {got.ExternalTrafficPolicy}, want {want.ExternalTrafficPolicy}");
        Assert.True(want.InternalTrafficPolicy == got.InternalTrafficPolicy, $"{subject}: internalTrafficPolicy {got.InternalTrafficPolicy}, want {want.InternalTrafficPolicy}");
        Assert.True(want.Chains == got.Chains, $"{subject}: chains {got.Chains}, want {want.Chains}");
        Assert.True(want.HasEndpoints == got.HasEndpoints, $"{subject}: hasEndpoints {got.HasEndpoints}, want {want.HasEndpoints}");
        Assert.True(want.HasLocalEndpoints == got.HasLocalEndpoints, $"{subject}: hasLocalEndpoints {got.HasLocalEndpoints}, want {want.HasLocalEndpoints}");
        Assert.True(
            want.Endpoints.Select(ep => (ep.Address, ep.Chain)).SequenceEqual(got.Endpoints.Select(ep => (ep.Address, ep.Chain))),
            $"{subject}: endpoints [{string.Join(", ", got.Endpoints.Select(ep => ep.Address))}], want [{string.Join(", ", want.Endpoints.Select(ep => ep.Address))}]");
        foreach (var (w, g) in want.Endpoints.Zip(got.Endpoints))
        {
            AssertShare(w.Probability, g.Probability, $"{subject} -> {w.Address}: probability");
            AssertShare(w.LocalProbability, g.LocalProbability, $"{subject} -> {w.Address}: localProbability");
            Assert.True(counters == g.Connections.HasValue && counters == g.Bytes.HasValue, $"{subject} -> {w.Address}: counters {g.Connections}/{g.Bytes}");
        }
    }

    private static void AssertShare(double? want, double? got, string what) =>
        Assert.True(
            want.HasValue == got.HasValue && (!want.HasValue || Math.Abs(want.Value - got!.Value) <= 1e-9),
            $"{what} {got}, want {want}");

    // kube-proxy's rules for this node, told in the analyzer's terms from the spec alone (the
    // generator makes no terminating endpoints, so "usable" is "ready").
    private static ServicePort Expect(ClusterSpec cluster, NodeSpec node, ServiceSpec service, ServicePortSpec port)
    {
        var name = service.ServicePortName(port);
        var protocol = port.Protocol;
        var hash = ChainNames.ServicePortHash(name, protocol);
        var v6 = cluster.Family == IpFamily.IPv6;
        string Endpoint(EndpointSpec ep) => v6 ? $"[{ep.Address}]:{port.TargetPort}" : $"{ep.Address}:{port.TargetPort}";

        var ready = service.Endpoints.Where(ep => ep.Ready).OrderBy(Endpoint, StringComparer.Ordinal).ToList();
        var local = ready.Where(ep => ep.NodeName == node.Name).ToList();
        var external = service.IsExternallyAccessible(port);
        var internalLocal = service.InternalTrafficPolicy == TrafficPolicy.Local;
        var externalLocal = external && service.ExternalTrafficPolicy == TrafficPolicy.Local;
        var cascade = !internalLocal || external ? ready : [];
        var localCascade = internalLocal || externalLocal ? local : [];
        var hasEndpoints = ready.Count > 0;
        var firewall = hasEndpoints && service.LoadBalancerIPs.Count > 0 && service.LoadBalancerSourceRanges.Count > 0;

        var endpoints = cascade.Select((ep, i) => new ServiceEndpoint(
                Endpoint(ep), ChainNames.EndpointChain(name, protocol, Endpoint(ep)), 1.0 / cascade.Count,
                localCascade.Contains(ep) ? 1.0 / localCascade.Count : null, null, null))
            .Concat(localCascade.Except(cascade).Select(ep => new ServiceEndpoint(
                Endpoint(ep), ChainNames.EndpointChain(name, protocol, Endpoint(ep)), null, 1.0 / localCascade.Count, null, null)))
            .ToList();

        return new ServicePort
        {
            Name = name,
            Namespace = service.Namespace,
            Service = service.Name,
            PortName = port.Name,
            Protocol = protocol,
            ClusterIP = service.ClusterIP,
            ClusterPort = port.Port,
            NodePort = port.NodePort,
            HealthCheckNodePort = service.HealthCheckNodePort,
            ExternalIPs = service.ExternalIPs,
            LoadBalancerIPs = service.LoadBalancerIPs,
            LoadBalancerSourceRanges = firewall ? service.LoadBalancerSourceRanges : [],
            SessionAffinitySeconds = cascade.Count + localCascade.Count > 0 ? service.SessionAffinitySeconds : null,
            // Without endpoints only the health check node port (a Local-policy load balancer's) tells the policy.
            ExternalTrafficPolicy = externalLocal && (hasEndpoints || service.HealthCheckNodePort is not null) ? TrafficPolicy.Local : TrafficPolicy.Cluster,
            InternalTrafficPolicy = hasEndpoints && internalLocal ? TrafficPolicy.Local : TrafficPolicy.Cluster,
            Chains = new ServicePortChains(
                cascade.Count > 0 ? ChainNames.Svc + hash : null,
                localCascade.Count > 0 ? ChainNames.Svl + hash : null,
                hasEndpoints && external ? ChainNames.Ext + hash : null,
                firewall ? ChainNames.Fw + hash : null,
                null),
            HasEndpoints = hasEndpoints,
            HasLocalEndpoints = !hasEndpoints || !(internalLocal || externalLocal) || local.Count > 0,
            Endpoints = endpoints,
        };
    }
}
