using NetView.Core.Iptables;

namespace NetView.Core.KubeProxy;

/// <summary>
/// Reads nat KUBE-SERVICES and KUBE-NODEPORTS: where traffic enters a service port (ClusterIP,
/// external IPs, load-balancer IPs, NodePorts) and which per-service chain it enters.
/// </summary>
internal static class EntryPointReader
{
    public static void Read(Chain? chain, ServicePortRegistry registry)
    {
        if (chain is null)
        {
            return;
        }

        var nodePorts = chain.Name == KubeChains.NodePorts;
        for (var r = 0; r < chain.Rules.Count; r++)
        {
            var rule = chain.Rules[r];
            if (!registry.TryComment(rule.Comment, out var comment))
            {
                continue;
            }

            var protocol = RuleFacts.Protocol(rule);
            if (protocol is null)
            {
                continue;
            }

            var builder = registry.Get(comment.Name, protocol);
            builder.Add(rule);
            var target = rule.TargetName;
            if (target == KubeChains.MarkMasq)
            {
                // Before 1.24 the "masquerade off-cluster traffic" rule sits here, before the jump.
                if (comment.Kind == CommentKind.ClusterIP && rule.Source is { Negated: true } source)
                {
                    registry.CountCidr(source.Value);
                }

                continue;
            }

            var kind = KubeChains.KindOf(target);
            if (kind is KubeChainKind.None or KubeChainKind.Sep)
            {
                continue;
            }

            registry.Claim(builder, target);
            var host = RuleFacts.Host(rule.Destination);
            var port = RuleFacts.DestinationPort(rule);
            switch (comment.Kind)
            {
                case CommentKind.ClusterIP:
                    builder.ClusterIP ??= host;
                    builder.ClusterPort ??= port;
                    builder.InternalLocal |= kind == KubeChainKind.Svl;
                    break;
                case CommentKind.ExternalIP when host is not null:
                    ServicePortBuilder.AddOnce(builder.ExternalIPs, host);
                    break;
                case CommentKind.LoadBalancerIP when host is not null:
                    ServicePortBuilder.AddOnce(builder.LoadBalancerIPs, host);
                    break;
                case CommentKind.Plain when nodePorts:
                    builder.NodePort ??= port;
                    builder.ExternalLocal |= kind is KubeChainKind.Xlb or KubeChainKind.Svl;
                    break;
            }
        }
    }
}
