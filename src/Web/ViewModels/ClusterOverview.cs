namespace NetView.Web.ViewModels;

/// <summary>What the overview page shows: nodes with their agent state, and cluster totals.</summary>
public sealed record ClusterOverview(IReadOnlyList<NodeSummary> Nodes, int Connected, long Rules, int ServicePorts, int Endpoints, int WithoutEndpoints, IReadOnlyList<FindingView> Findings)
{
    public static readonly ClusterOverview Empty = new([], 0, 0, 0, 0, 0, []);

    public static ClusterOverview Of(IDashboardSource source)
    {
        var nodes = source.Nodes().OrderBy(n => n.Name, StringComparer.Ordinal).ToList();
        var services = source.Services();
        return new ClusterOverview(
            nodes,
            nodes.Count(n => n.Connected),
            nodes.Sum(n => (long)n.Rules),
            services.Count,
            services.Sum(s => s.Endpoints.Count),
            services.Count(s => !s.HasEndpoints),
            source.Findings());
    }
}
