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

    public static void Walk(Table nat, ServicePortRegistry registry)
    {
        foreach (var chain in nat.Chains)
        {
            var kind = KubeChains.KindOf(chain.Name);
            if (kind is KubeChainKind.None or KubeChainKind.Sep)
            {
                continue;
            }

            var owner = registry.OwnerOf(chain.Name) ?? OwnerFromComments(chain, nat, registry) ?? registry.OwnerByHash(chain.Name);
            if (owner is null)
            {
                continue;
            }

            registry.Claim(owner, chain.Name);
            ServiceChainReader.Read(chain, kind, owner, registry);
        }

        var chains = registry.ScratchChains;
        foreach (var builder in registry.Ordered)
        {
            // Looked up first, so that the service port's rule list grows once for all of them.
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
    }

    /// <summary>
    /// A chain no entry point names (a fragment, an <c>iptables -S CHAIN</c> excerpt) still says
    /// whose it is in its comments; the protocol comes from its rules, its sibling chains or its
    /// endpoints' DNATs.
    /// </summary>
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
