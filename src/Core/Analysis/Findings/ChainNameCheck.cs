using NetView.Core.Iptables;
using NetView.Core.KubeProxy;

namespace NetView.Core.Analysis.Findings;

/// <summary>
/// Recomputes kube-proxy's chain-name hashes (<see cref="ChainNames"/>) to confirm that a service
/// port's chains, and in large clusters (where kube-proxy writes no per-endpoint comments) its
/// endpoint chains, are the ones kube-proxy would have made for it. A mismatch means a chain
/// reused by hand or by another program.
/// </summary>
public static class ChainNameCheck
{
    /// <param name="endpointDnats">Each endpoint's DNAT rule as the analyzer read it, port by port; null: looked up here.</param>
    internal static void Run(RuleSet ruleSet, IReadOnlyList<ServicePort> servicePorts, RuleRowList? endpointDnats, FindingSink sink)
    {
        var nat = ruleSet.Table("nat");
        var first = 0;
        foreach (var port in servicePorts)
        {
            CheckServiceChains(port, sink);
            if (nat is not null)
            {
                CheckUncommentedEndpoints(nat, port, endpointDnats, first, sink);
            }

            first += port.Endpoints.Count;
        }
    }

    private static void CheckServiceChains(ServicePort port, FindingSink sink)
    {
        var chain = port.Chains.Svc ?? port.Chains.Svl ?? port.Chains.Ext ?? port.Chains.Fw ?? port.Chains.Xlb;
        if (chain is null)
        {
            return;
        }

        // An unnamed port was "ns/svc:" before kube-proxy 1.17 and "ns/svc" after; the hash is of what was written.
        var suffix = KubeChains.SuffixOf(chain);
        if (ChainNames.IsServicePortHash(suffix, port.Name, port.Protocol)
            || (port.PortName.Length == 0 && ChainNames.IsServicePortHash(suffix, port.Name + ":", port.Protocol)))
        {
            return;
        }

        sink.Add(new Finding(FindingCodes.ChainNameMismatch, FindingSeverity.Warning, $"nat/{chain}",
            $"nat/{chain} serves {port.Name}/{port.Protocol}, but kube-proxy names that service port's chains *-{ChainNames.ServicePortHash(port.Name, port.Protocol)}.",
            EvidenceIn(port, chain), "Find out who wrote this chain; kube-proxy did not name it."));
    }

    private static void CheckUncommentedEndpoints(Table nat, ServicePort port, RuleRowList? endpointDnats, int first, FindingSink sink)
    {
        for (var e = 0; e < port.Endpoints.Count; e++)
        {
            var endpoint = port.Endpoints[e];
            if (endpoint.CommentAddress is not null || endpoint.Address.Length == 0
                || (endpointDnats is null ? DnatOf(nat.Chain(endpoint.Chain)) : endpointDnats.At(first + e)) is not { Comment: null } dnat)
            {
                continue;
            }

            var suffix = endpoint.Chain.AsSpan(ChainNames.Sep.Length);
            var matches = ChainNames.IsEndpointHash(suffix, port.Name, port.Protocol, endpoint.Address)
                || (port.PortName.Length == 0 && ChainNames.IsEndpointHash(suffix, port.Name + ":", port.Protocol, endpoint.Address));

            if (!matches)
            {
                sink.Add(new Finding(FindingCodes.ChainNameMismatch, FindingSeverity.Warning, $"nat/{endpoint.Chain}",
                    $"nat/{endpoint.Chain} DNATs {port.Name} to {endpoint.Address}, but kube-proxy would name that endpoint's chain {ChainNames.EndpointChain(port.Name, port.Protocol, endpoint.Address)}.",
                    [Evidence.Of(dnat)], "Find out who wrote this chain; kube-proxy did not name it."));
            }
        }
    }

    private static Rule? DnatOf(Chain? chain)
    {
        if (chain is null)
        {
            return null;
        }

        for (var i = 0; i < chain.Rules.Count; i++)
        {
            if (chain.Rules[i].TargetName == "DNAT")
            {
                return chain.Rules[i];
            }
        }

        return null;
    }

    private static List<Evidence> EvidenceIn(ServicePort port, string chain)
    {
        var evidence = new List<Evidence>();
        foreach (var rule in port.Rules)
        {
            if ((rule.Chain == chain || rule.TargetName == chain) && evidence.Count < 5)
            {
                evidence.Add(Evidence.Of(rule));
            }
        }

        return evidence;
    }
}
