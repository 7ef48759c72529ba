using NetView.Core.Iptables;

namespace NetView.Core.KubeProxy;

/// <summary>
/// Finds the service port of every per-service chain in nat and has it read: by the hash the
/// entry points claimed, else by the chain's own comments, else (kube-proxy drops comments in
/// large clusters) by recomputing the chain-name hash of every known service port. Then reads
/// the endpoint chains the cascades jump to.
/// </summary>
internal static class ServiceChainWalker
{
    private static readonly string[] ServiceChainPrefixes = [ChainNames.Svc, ChainNames.Svl, ChainNames.Ext, ChainNames.Fw, ChainNames.Xlb];

    /// <param name="dnats">Gets each endpoint's DNAT rule (or null), port by port in registry order, for the checks.</param>
    public static void Walk(Table nat, ServicePortRegistry registry, RuleRowList dnats)
    {
        // First who owns each service chain, in table order (an owner found by a comment or a hash
        // is a service port only now registered); then each service port is read whole, its
        // chains in table order and then its endpoint chains, and its endpoints are made final
        // right away. What is gathered about one endpoint so lives only while its port is read,
        // instead of 88,000 endpoint builders living through the whole walk of a big dump.
        var owned = new List<(ServicePortBuilder Owner, Chain Chain, KubeChainKind Kind)>(CountServiceChains(nat));
        foreach (var chain in nat.Chains)
        {
            var kind = KubeChains.KindOf(chain.Name);
            if (kind is KubeChainKind.None or KubeChainKind.Sep)
            {
                continue;
            }

            var owner = registry.OwnerOf(chain.Name) ?? OwnerFromComments(chain, nat, registry) ?? registry.OwnerByHash(chain.Name);
            if (owner is not null)
            {
                registry.Claim(owner, chain.Name);
                owned.Add((owner, chain, kind));
            }
        }

        var byOwner = GroupByOwner(owned, registry.Ordered.Count);
        var next = 0;
        foreach (var builder in registry.Ordered)
        {
            for (; next < byOwner.Length && byOwner[next].Owner == builder; next++)
            {
                ServiceChainReader.Read(byOwner[next].Chain, byOwner[next].Kind, builder, registry);
            }

            ReadEndpoints(nat, builder, registry);
            builder.FinishEndpoints(dnats);
        }
    }

    // Sized once: the list of a big dump's 17,600 service chains is a large object, and each
    // doubling on the way would be one more left for a full collection.
    private static int CountServiceChains(Table nat)
    {
        var count = 0;
        foreach (var chain in nat.Chains)
        {
            count += KubeChains.KindOf(chain.Name) is KubeChainKind.None or KubeChainKind.Sep ? 0 : 1;
        }

        return count;
    }

    // The owned chains grouped by service port in registry order (a counting sort on the port's
    // place), each port's in table order.
    private static (ServicePortBuilder Owner, Chain Chain, KubeChainKind Kind)[] GroupByOwner(
        List<(ServicePortBuilder Owner, Chain Chain, KubeChainKind Kind)> owned, int builders)
    {
        var starts = new int[builders + 1];
        foreach (var (owner, _, _) in owned)
        {
            starts[owner.Index + 1]++;
        }

        for (var i = 1; i < starts.Length; i++)
        {
            starts[i] += starts[i - 1];
        }

        var grouped = new (ServicePortBuilder, Chain, KubeChainKind)[owned.Count];
        foreach (var entry in owned)
        {
            grouped[starts[entry.Owner.Index]++] = entry;
        }

        return grouped;
    }

    private static void ReadEndpoints(Table nat, ServicePortBuilder builder, ServicePortRegistry registry)
    {
        // Looked up first, so that the service port's rule list grows once for all of them.
        var chains = registry.ScratchChains;
        chains.Clear();
        var rules = 0;
        foreach (var endpoint in builder.Endpoints)
        {
            var chain = nat.Chain(endpoint.Chain);
            chains.Add(chain);
            rules += chain?.Rules.Count ?? 0;
        }

        builder.Reserve(rules);
        for (var i = 0; i < chains.Count; i++)
        {
            if (chains[i] is { } chain)
            {
                ServiceChainReader.ReadEndpoint(chain, builder.Endpoints[i], builder);
            }
        }
    }

    private static ServicePortBuilder? OwnerFromComments(Chain chain, Table nat, ServicePortRegistry registry)
    {
        for (var r = 0; r < chain.Rules.Count; r++)
        {
            var rule = chain.Rules[r];
            if (registry.TryComment(rule.Comment, out var comment))
            {
                return registry.Get(comment.Name, ProtocolOf(chain, nat) ?? ProtocolByHash(chain.Name, comment.Name) ?? "tcp");
            }
        }

        return null;
    }

    /// <summary>The protocol whose chain-name hash this chain carries, for chains with no protocol in sight.</summary>
    private static string? ProtocolByHash(string chain, ServicePortName name)
    {
        var suffix = KubeChains.Suffix(chain);
        foreach (var protocol in (ReadOnlySpan<string>)["tcp", "udp", "sctp"])
        {
            if (ChainNames.ServicePortHash(name.Written, protocol) == suffix)
            {
                return protocol;
            }
        }

        return null;
    }

    private static string? ProtocolOf(Chain chain, Table nat)
    {
        var suffix = KubeChains.Suffix(chain.Name);
        foreach (var prefix in ServiceChainPrefixes)
        {
            if (nat.Chain(prefix + suffix) is { } sibling && FirstProtocol(sibling, nat) is { } protocol)
            {
                return protocol;
            }
        }

        return null;
    }

    private static string? FirstProtocol(Chain chain, Table nat)
    {
        for (var r = 0; r < chain.Rules.Count; r++)
        {
            var rule = chain.Rules[r];
            if (RuleFacts.Protocol(rule) is { } protocol)
            {
                return protocol;
            }
        }

        for (var r = 0; r < chain.Rules.Count; r++)
        {
            var rule = chain.Rules[r];
            if (KubeChains.KindOf(rule.TargetName) == KubeChainKind.Sep && nat.Chain(rule.TargetName) is { } endpoint)
            {
                foreach (var endpointRule in endpoint.Rules)
                {
                    if (RuleFacts.Protocol(endpointRule) is { } protocol)
                    {
                        return protocol;
                    }
                }
            }
        }

        return null;
    }
}
