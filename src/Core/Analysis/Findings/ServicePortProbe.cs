using System.Net;
using NetView.Core.Analysis.Tracing;
using NetView.Core.Iptables;
using NetView.Core.KubeProxy;

namespace NetView.Core.Analysis.Findings;

/// <summary>
/// Traces typical packets to a service port — from a pod and from the node to its ClusterIP, from
/// outside to its NodePort, load-balancer and external IPs — so that checks judge what the rules
/// do to real traffic, not what they look like. The node's own address is not in a dump, so a
/// documentation address stands in for it (NodePorts match it through <c>addrtype LOCAL</c>).
/// </summary>
internal sealed class ServicePortProbe(RuleSet ruleSet, string? clusterCidr)
{
    /// <summary>Service ports traced per check; the rest are left unjudged (and said so) on huge rule sets.</summary>
    public const int MaxServicePorts = 50;

    private readonly bool _ipv6 = ruleSet.Family == IpFamily.IPv6;

    public RuleSet RuleSet => ruleSet;

    public IPAddress NodeAddress => IPAddress.Parse(_ipv6 ? "2001:db8::10" : "192.0.2.10");

    /// <summary>A client outside the cluster (and outside any node).</summary>
    public IPAddress ExternalClient => IPAddress.Parse(_ipv6 ? "2001:db8:77::77" : "203.0.113.77");

    private readonly Dictionary<string, TraceResult?> _traces = new(StringComparer.Ordinal);
    private readonly Dictionary<ServicePort, List<(string Entry, TraceResult Result)>> _outside = new(ReferenceEqualityComparer.Instance);

    /// <summary>A pod (not an endpoint) connecting to the ClusterIP; null when the port has none.</summary>
    public TraceResult? FromPod(ServicePort port) => Memo(port, "pod", () =>
        ClusterIp(port) is { } ip && PodAddress() is { } pod ? Trace(pod, ip, port.ClusterPort!.Value, port, PacketOrigin.Pod) : null);

    /// <summary>The node itself (host network) connecting to the ClusterIP, through nat OUTPUT.</summary>
    public TraceResult? FromHost(ServicePort port) => Memo(port, "host", () =>
        ClusterIp(port) is { } ip ? Trace(NodeAddress, ip, port.ClusterPort!.Value, port, PacketOrigin.Local) : null);

    /// <summary>Traces from outside to every external entry of the port: NodePort, load-balancer IPs, external IPs.</summary>
    public IReadOnlyList<(string Entry, TraceResult Result)> FromOutside(ServicePort port)
    {
        if (!_outside.TryGetValue(port, out var traces))
        {
            _outside[port] = traces = [.. TraceOutside(port)];
        }

        return traces;
    }

    /// <summary>Every trace of the port with what it stands for: "from a pod to 10.96.0.10:80", ….</summary>
    public IEnumerable<(string Entry, TraceResult Result)> All(ServicePort port)
    {
        if (FromPod(port) is { } pod)
        {
            yield return ($"from a pod to {port.ClusterIP}:{port.ClusterPort}", pod);
        }

        if (FromHost(port) is { } host)
        {
            yield return ($"from the node to {port.ClusterIP}:{port.ClusterPort}", host);
        }

        foreach (var (entry, result) in FromOutside(port))
        {
            yield return ($"from outside to {entry}", result);
        }
    }

    /// <summary>A client outside every load-balancer source range, to the first load-balancer IP.</summary>
    public TraceResult? FromOutsideRanges(ServicePort port) => Memo(port, "outside-ranges", () =>
        port.LoadBalancerIPs.Count > 0 && IPAddress.TryParse(port.LoadBalancerIPs[0], out var ip) && ip.AddressFamily == NodeAddress.AddressFamily && port.ClusterPort is { } servicePort
            ? Trace(ExternalClient, ip, servicePort, port, PacketOrigin.External)
            : null);

    private TraceResult? Memo(ServicePort port, string kind, Func<TraceResult?> trace)
    {
        var key = $"{port.Name}/{port.Protocol}/{kind}";
        if (!_traces.TryGetValue(key, out var result))
        {
            _traces[key] = result = trace();
        }

        return result;
    }

    private IEnumerable<(string Entry, TraceResult Result)> TraceOutside(ServicePort port)
    {
        var client = SourceRangeClient(port) ?? ExternalClient;
        if (port.NodePort is { } nodePort)
        {
            yield return ($"NodePort {nodePort}", Trace(client, NodeAddress, nodePort, port, PacketOrigin.External));
        }

        foreach (var (kind, address) in port.LoadBalancerIPs.Select(a => ("load-balancer IP", a)).Concat(port.ExternalIPs.Select(a => ("external IP", a))))
        {
            if (IPAddress.TryParse(address, out var ip) && ip.AddressFamily == NodeAddress.AddressFamily && port.ClusterPort is { } servicePort)
            {
                yield return ($"{kind} {address}:{servicePort}", Trace(client, ip, servicePort, port, PacketOrigin.External));
            }
        }
    }

    private TraceResult Trace(IPAddress source, IPAddress destination, int destinationPort, ServicePort port, PacketOrigin origin) =>
        PacketTracer.Trace(ruleSet, new TracePacket(source, destination, destinationPort, null, port.Protocol, origin, [NodeAddress]));

    private IPAddress? ClusterIp(ServicePort port) =>
        port.ClusterPort is not null && IPAddress.TryParse(port.ClusterIP, out var ip) && ip.AddressFamily == NodeAddress.AddressFamily ? ip : null;

    // An address inside the pod network that no endpoint uses, so the trace is not a hairpin.
    private IPAddress? PodAddress()
    {
        var cidr = clusterCidr ?? (_ipv6 ? "fd00:10:244::/56" : "10.244.0.0/16");
        return Inside(cidr, 250);
    }

    // Load-balancer source ranges admit only some clients; trace one that is admitted.
    private IPAddress? SourceRangeClient(ServicePort port) =>
        port.LoadBalancerSourceRanges.Select(r => Inside(r, 7)).FirstOrDefault(a => a is not null && a.AddressFamily == NodeAddress.AddressFamily);

    private static IPAddress? Inside(string cidr, byte host)
    {
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        if (!IPAddress.TryParse(slash < 0 ? cidr : cidr[..slash], out var network))
        {
            return null;
        }

        var bytes = network.GetAddressBytes();
        var prefix = slash < 0 ? bytes.Length * 8 : int.TryParse(cidr[(slash + 1)..], out var p) ? p : bytes.Length * 8;
        if (prefix <= (bytes.Length - 1) * 8)
        {
            bytes[^1] = host;
        }

        return new IPAddress(bytes);
    }

    /// <summary>
    /// True when nat PREROUTING or OUTPUT jumps to KUBE-SERVICES: a whole node's rules, not a
    /// hand-picked excerpt, so that a trace through them says something about the node.
    /// </summary>
    public static bool EntersKubeServices(RuleSet ruleSet)
    {
        var nat = ruleSet.Table("nat");
        return nat is not null && new[] { "PREROUTING", "OUTPUT" }.Any(name =>
            nat.Chain(name)?.Rules.Any(r => r.TargetName == KubeChains.Services) == true);
    }

    /// <summary>True for rules kube-proxy wrote: in a KUBE-* chain, or a built-in chain's jump into one.</summary>
    public static bool IsKubeProxyRule(Rule rule) =>
        rule.Chain.StartsWith("KUBE-", StringComparison.Ordinal) || rule.TargetName.StartsWith("KUBE-", StringComparison.Ordinal);
}
