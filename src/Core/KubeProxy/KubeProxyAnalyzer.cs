using NetView.Core.Analysis.Findings;
using NetView.Core.Iptables;

namespace NetView.Core.KubeProxy;

/// <summary>
/// Tells what kube-proxy programmed into a rule set, in every iptables-mode era: from the entry
/// points in KUBE-SERVICES and KUBE-NODEPORTS through the per-service chains to the endpoint
/// DNATs, plus the filter rules of service ports without endpoints. IPVS mode is recognised and
/// reported without inventing services. Linear in the number of rules.
/// </summary>
public static class KubeProxyAnalyzer
{
    public static KubeProxyAnalysis Analyze(RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        // Started first: on a big dump they run on the other core while this one walks the chains.
        var ruleSetChecks = RuleSetChecks.Start(ruleSet, ruleSet.RuleCount >= FindingChecks.ParallelFrom);
        var nat = ruleSet.Table("nat");
        var registry = new ServicePortRegistry(nat?.Chain(KubeChains.Services)?.Rules.Count ?? 0);
        var dnats = new RuleRowList();
        var mode = IsIpvs(nat) ? ProxyMode.Ipvs : ProxyMode.None;
        if (mode != ProxyMode.Ipvs)
        {
            EntryPointReader.Read(nat?.Chain(KubeChains.Services), registry);
            EntryPointReader.Read(nat?.Chain(KubeChains.NodePorts), registry);
            if (nat is not null)
            {
                ServiceChainWalker.Walk(nat, registry, dnats);
            }

            FilterChainReader.Read(ruleSet.Table("filter"), registry);
            mode = registry.Ordered.Count > 0 || HasKubeProxyChains(nat) ? ProxyMode.Iptables : ProxyMode.None;
        }

        var clusterCidr = mode == ProxyMode.Iptables ? registry.ClusterCidr() : null;
        var cascades = registry.Cascades;
        var servicePorts = Build(registry.Ordered, dnats, out var endpoints);
        var findings = FindingChecks.Run(ruleSet, servicePorts, clusterCidr, new WalkFacts(cascades, dnats), ruleSetChecks);
        return new KubeProxyAnalysis(
            ruleSet.Family,
            mode,
            clusterCidr,
            servicePorts,
            findings,
            Summarize(ruleSet, servicePorts.Length, endpoints));
    }

    // The registry's lookups are let go before, and each builder as soon as, its service port is
    // made, so the collector can take them back while the rest are made instead of after the whole
    // analysis (17,600 builders and their lookups for a big dump).
    private static ServicePort[] Build(List<ServicePortBuilder> builders, RuleRowList dnats, out int endpoints)
    {
        var servicePorts = new ServicePort[builders.Count];
        endpoints = 0;
        for (var i = 0; i < servicePorts.Length; i++)
        {
            servicePorts[i] = builders[i].Build(dnats);
            builders[i] = null!;
            endpoints += servicePorts[i].Endpoints.Count;
        }

        builders.Clear();
        return servicePorts;
    }

    private static bool IsIpvs(Table? nat)
    {
        var services = nat?.Chain(KubeChains.Services);
        if (services is null)
        {
            return false;
        }

        foreach (var rule in services.Rules)
        {
            var set = rule.MatchOf("set")?.Option("--match-set")?.Value;
            if (set is not null && set.StartsWith(KubeChains.IpvsClusterIpSet, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasKubeProxyChains(Table? nat)
    {
        if (nat is null)
        {
            return false;
        }

        if (nat.Chain(KubeChains.Services) is { Rules.Count: > 0 })
        {
            return true;
        }

        foreach (var chain in nat.Chains)
        {
            if (KubeChains.KindOf(chain.Name) != KubeChainKind.None)
            {
                return true;
            }
        }

        return false;
    }

    private static KubeProxySummary Summarize(RuleSet ruleSet, int servicePorts, int endpoints)
    {
        var tables = new TableSummary[ruleSet.Tables.Count];
        for (var i = 0; i < tables.Length; i++)
        {
            var table = ruleSet.Tables[i];
            tables[i] = new TableSummary(table.Name, table.Chains.Count, table.RuleCount);
        }

        return new KubeProxySummary(tables, ruleSet.RuleCount, servicePorts, endpoints);
    }
}
