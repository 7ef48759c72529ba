using System.Numerics;
using NetView.Core.Iptables;

namespace NetView.Core.KubeProxy.Simulation;

/// <summary>
/// Random but reproducible clusters: the same seed, sizes and options give the same cluster.
/// Services mix ClusterIP, NodePort and LoadBalancer types, external IPs, source ranges,
/// ClientIP affinity, Local traffic policies, services without endpoints and endpoints that are
/// not ready. Endpoints are pods drawn from a shared pool, since one pod often backs several services.
/// </summary>
public static class ClusterSpecGenerator
{
    private static readonly string[] Namespaces = ["default", "shop", "payments", "monitoring", "ingress", "data", "auth", "search"];
    private static readonly string[] Words = ["api", "web", "cart", "orders", "redis", "postgres", "kafka", "grafana", "gateway", "users", "billing", "queue"];
    private static readonly (string Name, string Protocol, int Port, int TargetPort)[] PortKinds =
    [
        ("http", "tcp", 80, 8080), ("https", "tcp", 443, 8443), ("grpc", "tcp", 9090, 9090), ("metrics", "tcp", 9153, 9153),
        ("dns", "udp", 53, 53), ("dns-tcp", "tcp", 53, 53), ("admin", "tcp", 8081, 8081), ("stream", "sctp", 3868, 3868),
    ];

    private const int FirstNodePort = 30000;
    private const int LastNodePort = 32767;

    /// <param name="servicePorts">How many service ports in total (the default/kubernetes port included).</param>
    /// <param name="endpointsPerService">Endpoints behind each service (each of its ports uses them all).</param>
    public static ClusterSpec Random(int seed, int servicePorts, int endpointsPerService, ClusterSpecGeneratorOptions? options = null)
    {
        options ??= ClusterSpecGeneratorOptions.Mixed;
        ArgumentOutOfRangeException.ThrowIfNegative(servicePorts);
        ArgumentOutOfRangeException.ThrowIfNegative(endpointsPerService);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.NodeCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxPortsPerService, 1);

        var random = new Random(seed);
        var v6 = options.Family == IpFamily.IPv6;
        var clusterCidr = options.ClusterCidr ?? (v6 ? "fd00:10:244::/56" : "10.244.0.0/16");
        var serviceIps = new AddressPool(options.ServiceCidr ?? (v6 ? "fd00:10:96::/108" : "10.96.0.0/12"));
        var loadBalancerIps = new AddressPool(v6 ? "fd00:1b::/64" : "172.20.0.0/16");
        var externalIps = new AddressPool(v6 ? "fd00:e1::/64" : "100.64.0.0/10");
        string[] sourceRanges = v6 ? ["fd00:192:168::/64", "2001:db8::/32"] : ["192.168.0.0/16", "10.0.0.0/8", "203.0.113.0/24"];

        var nodeIps = new AddressPool(v6 ? "fd00:192:168::/64" : "192.168.0.0/16", 10);
        var nodes = Enumerable.Range(0, options.NodeCount).Select(i => new NodeSpec($"node-{i}", [nodeIps.Next()])).ToList();
        var pods = PodPool(random, clusterCidr, nodes, Math.Max(endpointsPerService, servicePorts * endpointsPerService / 2));
        var nodePorts = new Queue<int>(Enumerable.Range(FirstNodePort, LastNodePort - FirstNodePort + 1));

        var services = new List<ServiceSpec>();
        var remaining = servicePorts;
        if (options.IncludeKubernetesService && remaining > 0)
        {
            services.Add(new ServiceSpec("default", "kubernetes", ServiceType.ClusterIP, serviceIps.Next(),
                [new ServicePortSpec("https", "tcp", 443, 6443)], [new EndpointSpec(nodes[0].Addresses[0], null)]));
            remaining--;
        }

        while (remaining > 0)
        {
            var portCount = Math.Min(remaining, random.Next(1, options.MaxPortsPerService + 1));
            remaining -= portCount;
            var type = Pick(random, options.LoadBalancerShare) ? ServiceType.LoadBalancer
                : Pick(random, options.NodePortShare) ? ServiceType.NodePort
                : ServiceType.ClusterIP;
            var needed = portCount * (type == ServiceType.LoadBalancer ? 2 : 1);
            if (type != ServiceType.ClusterIP && nodePorts.Count < needed)
            {
                type = ServiceType.ClusterIP;
            }

            var ports = Ports(random, portCount, type == ServiceType.ClusterIP ? null : nodePorts);
            var externals = Pick(random, options.ExternalIPShare) ? new[] { externalIps.Next() } : [];
            var loadBalancers = type == ServiceType.LoadBalancer ? new[] { loadBalancerIps.Next() } : [];
            var externallyReachable = type != ServiceType.ClusterIP || externals.Length > 0;
            var externalLocal = externallyReachable && Pick(random, options.ExternalLocalShare);
            var endpoints = Pick(random, options.NoEndpointsShare)
                ? []
                : Endpoints(random, pods, endpointsPerService, options.NotReadyShare);
            var index = services.Count;
            services.Add(new ServiceSpec(
                Namespaces[random.Next(Namespaces.Length)],
                $"{Words[random.Next(Words.Length)]}-{index}",
                type,
                serviceIps.Next(),
                ports,
                endpoints)
            {
                ExternalIPs = externals,
                LoadBalancerIPs = loadBalancers,
                LoadBalancerSourceRanges = loadBalancers.Length > 0 && Pick(random, options.SourceRangesShare)
                    ? [sourceRanges[random.Next(sourceRanges.Length)]]
                    : [],
                SessionAffinitySeconds = Pick(random, options.AffinityShare) ? new[] { 10800, 3600, 600 }[random.Next(3)] : null,
                ExternalTrafficPolicy = externalLocal ? TrafficPolicy.Local : TrafficPolicy.Cluster,
                InternalTrafficPolicy = Pick(random, options.InternalLocalShare) ? TrafficPolicy.Local : TrafficPolicy.Cluster,
                HealthCheckNodePort = externalLocal && type == ServiceType.LoadBalancer ? nodePorts.Dequeue() : null,
            });
        }

        return new ClusterSpec(options.Family, clusterCidr, nodes, services);
    }

    private static bool Pick(Random random, double share) => share > 0 && random.NextDouble() < share;

    private static List<ServicePortSpec> Ports(Random random, int count, Queue<int>? nodePorts)
    {
        if (count == 1 && random.Next(2) == 0)
        {
            // A single port may stay unnamed: kube-proxy then names it "ns/svc".
            var kind = PortKinds[random.Next(PortKinds.Length)];
            return [new ServicePortSpec("", kind.Protocol, kind.Port, kind.TargetPort, nodePorts?.Dequeue())];
        }

        var ports = new List<ServicePortSpec>(count);
        var first = random.Next(PortKinds.Length);
        for (var i = 0; i < count; i++)
        {
            var kind = PortKinds[(first + i) % PortKinds.Length];
            var round = (first + i) / PortKinds.Length;
            ports.Add(new ServicePortSpec(
                round == 0 ? kind.Name : $"{kind.Name}-{round}",
                kind.Protocol,
                kind.Port + (round * 1000),
                kind.TargetPort + round,
                nodePorts?.Dequeue()));
        }

        return ports;
    }

    private static List<EndpointSpec> Endpoints(Random random, IReadOnlyList<EndpointSpec> pods, int count, double notReadyShare)
    {
        var chosen = new HashSet<int>();
        while (chosen.Count < Math.Min(count, pods.Count))
        {
            chosen.Add(random.Next(pods.Count));
        }

        return [.. chosen.Select(i => Pick(random, notReadyShare) ? pods[i] with { Ready = false, Serving = false } : pods[i])];
    }

    // Each node gets an equal block of the cluster CIDR, as the node IPAM controller hands out podCIDRs.
    private static List<EndpointSpec> PodPool(Random random, string clusterCidr, IReadOnlyList<NodeSpec> nodes, int size)
    {
        var cidr = new AddressPool(clusterCidr);
        // IPv6 CIDRs are vast; a node's block never needs more than 2^32 addresses here.
        var block = (long)BigInteger.Min((cidr.Size - 2) / nodes.Count, 1L << 32);
        var perNode = (size + nodes.Count - 1) / nodes.Count;
        if (perNode > block - 1)
        {
            throw new ArgumentException($"clusterCidr {clusterCidr} cannot hold {perNode} pods on each of {nodes.Count} nodes; give a larger CIDR.");
        }

        var pods = new List<EndpointSpec>(perNode * nodes.Count);
        for (var n = 0; n < nodes.Count; n++)
        {
            var start = 1 + (n * block) + random.Next(0, (int)Math.Min(block - perNode, 200));
            for (var p = 0; p < perNode; p++)
            {
                pods.Add(new EndpointSpec(cidr.At(start + p), nodes[n].Name));
            }
        }

        return pods;
    }
}
