using NetView.Core.Iptables;

namespace NetView.Core.KubeProxy;

/// <summary>
/// Reads kube-proxy's filter rules: the "has no endpoints" REJECTs and "has no local endpoints"
/// DROPs (a service port with no endpoints exists only here), health check node ports, and the
/// load-balancer firewall's DROPs.
/// </summary>
internal static class FilterChainReader
{
    private static readonly string[] Protocols = ["tcp", "udp", "sctp"];

    public static void Read(Table? filter, ServicePortRegistry registry)
    {
        if (filter is null)
        {
            return;
        }

        var unplaced = new List<(ServicePortBuilder Builder, string Address)>();
        ReadRejects(filter.Chain(KubeChains.Services), external: false, registry, unplaced);
        ReadRejects(filter.Chain(KubeChains.ExternalServices), external: true, registry, unplaced);
        ReadOthers(filter.Chain(KubeChains.NodePorts), registry);
        ReadOthers(filter.Chain(KubeChains.ProxyFirewall), registry);

        // A REJECT/DROP for an external address does not say whether it is an external IP or a
        // load-balancer IP. A service with a NodePort is most likely a LoadBalancer, so its
        // addresses go there; kube-proxy's nat rules, when present, have already placed them.
        foreach (var (builder, address) in unplaced)
        {
            if (builder.ExternalIPs.Contains(address) || builder.LoadBalancerIPs.Contains(address) || builder.ClusterIP == address)
            {
                continue;
            }

            ServicePortBuilder.AddOnce(builder.NodePort is null ? builder.ExternalIPs : builder.LoadBalancerIPs, address);
        }
    }

    private static void ReadRejects(Chain? chain, bool external, ServicePortRegistry registry, List<(ServicePortBuilder, string)> unplaced)
    {
        if (chain is null)
        {
            return;
        }

        for (var r = 0; r < chain.Rules.Count; r++)
        {
            var rule = chain.Rules[r];
            if (!registry.TryComment(rule.Comment, out var comment)
                || comment.Kind is not (CommentKind.NoEndpoints or CommentKind.NoLocalEndpoints)
                || RuleFacts.Protocol(rule) is not { } protocol)
            {
                continue;
            }

            var builder = registry.Get(comment.Name, protocol);
            builder.Add(rule);
            var local = comment.Kind == CommentKind.NoLocalEndpoints;
            builder.NoEndpoints |= !local;
            builder.NoLocalEndpoints |= local;
            var host = RuleFacts.Host(rule.Destination);
            var port = RuleFacts.DestinationPort(rule);
            if (host is null)
            {
                // "-m addrtype --dst-type LOCAL --dport N": the NodePort on every node address.
                builder.NodePort ??= port;
                builder.ExternalLocal |= local;
            }
            else if (!external && (builder.ClusterIP is null || builder.ClusterIP == host))
            {
                builder.ClusterIP ??= host;
                builder.ClusterPort ??= port;
                builder.InternalLocal |= local;
            }
            else
            {
                unplaced.Add((builder, host));
                builder.ExternalLocal |= local;
            }
        }
    }

    private static void ReadOthers(Chain? chain, ServicePortRegistry registry)
    {
        if (chain is null)
        {
            return;
        }

        for (var r = 0; r < chain.Rules.Count; r++)
        {
            var rule = chain.Rules[r];
            if (!registry.TryComment(rule.Comment, out var comment) || RuleFacts.Protocol(rule) is not { } protocol)
            {
                continue;
            }

            if (comment.Kind == CommentKind.HealthCheckNodePort)
            {
                // The health check port is TCP whatever the service port's protocol: attach it to
                // the service ports kube-proxy already knows under that name.
                foreach (var serviceProtocol in Protocols)
                {
                    if (registry.Find(comment.Name.Name, serviceProtocol) is { } builder)
                    {
                        builder.Add(rule);
                        builder.HealthCheckNodePort ??= RuleFacts.DestinationPort(rule);
                        builder.ExternalLocal = true;
                    }
                }
            }
            else if (comment.Kind == CommentKind.FirewallDrop)
            {
                var builder = registry.Get(comment.Name, protocol);
                builder.Add(rule);
                if (RuleFacts.Host(rule.Destination) is { } address)
                {
                    ServicePortBuilder.AddOnce(builder.LoadBalancerIPs, address);
                }
            }
        }
    }
}
