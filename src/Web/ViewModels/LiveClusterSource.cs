using NetView.Core.Iptables;
using NetView.Web.Ingestion;

namespace NetView.Web.ViewModels;

/// <summary>The live cluster as the pages see it: an adapter over the ingestion read side (<see cref="ClusterState"/>).</summary>
internal sealed class LiveClusterSource(ClusterState state) : IDashboardSource
{
    private CachedCatalog? _catalog;

    public string? ImportId => null;

    public IReadOnlyList<NodeSummary> Nodes() => [.. state.Nodes().Select(Summary)];

    public NodeRuleSets? Node(string name)
    {
        var sets = state.RuleSets(name);
        return sets.Count == 0
            ? null
            : new NodeRuleSets(name, [.. sets.Select(s => new FamilyRules(s.Family, s.RuleSet.RuleSet, s.RuleSet.Analysis, s.CounterTimestamp ?? s.ReceivedAt, s.CountersOf))]);
    }

    public IReadOnlyList<ServiceSummary> Services(string? node = null) =>
        [.. state.Services().Select(t => Summary(t, node)).OfType<ServiceSummary>()];

    public ServiceCatalog Catalog()
    {
        var index = state.ServiceIndex();
        if (Volatile.Read(ref _catalog) is { } cached && ReferenceEquals(cached.Index, index))
        {
            return cached.Catalog;
        }

        var catalog = new ServiceCatalog([.. index.Ports.Select(t => Summary(t, null)!)], index.ReadConnections);
        Volatile.Write(ref _catalog, new CachedCatalog(index, catalog));
        return catalog;
    }

    public ServiceSummary? Service(string name, string? node = null) => state.Service(name) is { } totals ? Summary(totals, node) : null;

    public IReadOnlyList<EndpointSeriesView> Series(string servicePort, string? node, TimeSpan window) =>
        [.. state.ServiceSeries(servicePort, window).Select(e => new EndpointSeriesView(
            e.Address,
            node is null ? Points(e.Total) : Points(Sum(e.Nodes.Where(n => n.Node == node).Select(n => n.Points)))))];

    public IReadOnlyList<FindingView> Findings() =>
        ServiceSummaries.Findings(state.Nodes().SelectMany(n => state.RuleSets(n.Name).Select(s => (n.Name, s.RuleSet.Analysis))), null);

    public IDisposable Subscribe(Action changed) => state.Subscribe(_ => changed());

    private static NodeSummary Summary(NodeStatus node) => new(
        node.Name,
        node.Connected,
        node.LastSeen,
        node.Backend,
        node.Families.Any(f => f.Family == IpFamily.IPv4),
        node.Families.Any(f => f.Family == IpFamily.IPv6),
        node.Rules,
        node.KubeProxy is { SyncDurationSecondsSum: { } sum, SyncDurationSecondsCount: > 0 and var count } ? TimeSpan.FromSeconds(sum / count) : null,
        node.AgentVersion);

    private static ServiceSummary? Summary(ServicePortTotals totals, string? node)
    {
        if (node is not null && !totals.Nodes.Contains(node))
        {
            return null;
        }

        var endpoints = totals.Endpoints.Select(e =>
        {
            var on = node is null ? e.Nodes : [.. e.Nodes.Where(n => n.Node == node)];
            long? connections = node is null ? e.Connections : on.Any(n => n.Connections is not null) ? on.Sum(n => n.Connections ?? 0) : null;
            return new EndpointSummary(e.Address, e.Chain, e.Probability, e.LocalProbability, connections);
        }).ToList();
        return ServiceSummaries.From(totals.Port, node is null ? totals.Nodes : [node], endpoints);
    }

    private sealed record CachedCatalog(ServicePortIndex Index, ServiceCatalog Catalog);

    private static List<RatePoint> Points(IEnumerable<SeriesPoint> points) => [.. points.Select(p => new RatePoint(p.Timestamp, p.Connections, p.Rate))];

    // One node may report both families; their points share timestamps (the node's timeline).
    private static IEnumerable<SeriesPoint> Sum(IEnumerable<IReadOnlyList<SeriesPoint>> series) =>
        series.SelectMany(s => s)
            .GroupBy(p => p.Timestamp)
            .OrderBy(g => g.Key)
            .Select(g => new SeriesPoint(g.Key, g.First().Interval, g.Sum(p => p.Connections), g.Sum(p => p.Bytes)));
}
