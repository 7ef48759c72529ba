namespace NetView.Web.ViewModels;

/// <summary>What the overview page shows: nodes with their agent state, and cluster totals.</summary>
public sealed record ClusterOverview(IReadOnlyList<NodeSummary> Nodes, int Connected, long Rules)
{
    public static readonly ClusterOverview Empty = new([], 0, 0);

    public static ClusterOverview Of(IDashboardSource source)
    {
        var nodes = source.Nodes().OrderBy(n => n.Name, StringComparer.Ordinal).ToList();
        return new ClusterOverview(nodes, nodes.Count(n => n.Connected), nodes.Sum(n => (long)n.Rules));
    }
}
