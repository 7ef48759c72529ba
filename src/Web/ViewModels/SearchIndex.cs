using NetView.Web.Kubernetes;

namespace NetView.Web.ViewModels;

/// <summary>
/// The global search: finds nodes, service ports (by name, ClusterIP, load-balancer, external or
/// endpoint IP, or the name of a pod behind an endpoint when the cluster directory knows it) and
/// chains by substring, and answers with the deep link of the page that shows them.
/// Scans the current state on every query (debounced by the search box); stops at <c>limit</c> hits.
/// </summary>
public static class SearchIndex
{
    /// <param name="podOf">The pod behind an endpoint address, when known; null to leave pods out.</param>
    public static IReadOnlyList<SearchHit> Find(IDashboardSource source, string text, int limit, Func<string, PodEndpoint?>? podOf = null)
    {
        text = text.Trim();
        var hits = new List<SearchHit>();
        if (text.Length == 0)
        {
            return hits;
        }

        var nodes = source.Nodes();
        foreach (var node in nodes)
        {
            if (hits.Count < limit && node.Name.Contains(text, StringComparison.OrdinalIgnoreCase))
            {
                hits.Add(new SearchHit("node", node.Name, Links.Node(node.Name, source.ImportId)));
            }
        }

        foreach (var service in source.Services())
        {
            if (hits.Count >= limit)
            {
                break;
            }

            if (service.Name.Contains(text, StringComparison.OrdinalIgnoreCase))
            {
                hits.Add(new SearchHit("service", service.Name, service.Link(source.ImportId)));
            }
            else if (AddressOf(service, text) is { } address)
            {
                hits.Add(new SearchHit("IP", $"{address} → {service.Name}", service.Link(source.ImportId)));
            }
            else if (podOf is not null && PodOf(service, text, podOf) is { } pod)
            {
                hits.Add(new SearchHit("pod", $"{pod} → {service.Name}", service.Link(source.ImportId)));
            }
        }

        var seenChains = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (hits.Count >= limit || source.Node(node.Name) is not { } rules)
            {
                continue;
            }

            foreach (var family in rules.Families)
            {
                foreach (var table in family.Rules.Tables)
                {
                    foreach (var chain in table.Chains)
                    {
                        if (hits.Count < limit && chain.Name.Contains(text, StringComparison.OrdinalIgnoreCase) && seenChains.Add(table.Name + "/" + chain.Name))
                        {
                            hits.Add(new SearchHit("chain", $"{table.Name}/{chain.Name}", Links.Node(node.Name, source.ImportId, table.Name, chain.Name)));
                        }
                    }
                }
            }
        }

        return hits;
    }

    private static string? PodOf(ServiceSummary service, string text, Func<string, PodEndpoint?> podOf) =>
        service.Endpoints.Select(e => podOf(e.Address)?.PodName).FirstOrDefault(name => name is not null && name.Contains(text, StringComparison.OrdinalIgnoreCase));

    private static string? AddressOf(ServiceSummary service, string text)
    {
        if (service.ClusterIP is { } cluster && cluster.StartsWith(text, StringComparison.Ordinal))
        {
            return service.ClusterAddress;
        }

        return service.LoadBalancerIPs.Concat(service.ExternalIPs).FirstOrDefault(ip => ip.StartsWith(text, StringComparison.Ordinal))
            ?? service.Endpoints.FirstOrDefault(e => e.Address.StartsWith(text, StringComparison.Ordinal))?.Address;
    }
}
