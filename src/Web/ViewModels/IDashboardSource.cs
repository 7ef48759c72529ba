namespace NetView.Web.ViewModels;

/// <summary>
/// What the pages read: the live cluster fed by agents, or one imported dump. Pages bind to this
/// only, so that an import shows the same service and node views as a connected cluster.
/// </summary>
public interface IDashboardSource
{
    /// <summary>Null for the live cluster; the capability id for an imported dump (kept in page links).</summary>
    string? ImportId { get; }

    IReadOnlyList<NodeSummary> Nodes();

    /// <summary>The node's latest rules and their analysis, or null when the node is unknown or has sent none yet.</summary>
    NodeRuleSets? Node(string name);

    /// <summary>Service ports summed over nodes (or over the one node given).</summary>
    IReadOnlyList<ServiceSummary> Services(string? node = null);

    /// <summary>Every service port summed over nodes, for the services grid: rebuilt only when rules change, its connection totals read live.</summary>
    ServiceCatalog Catalog();

    /// <summary>One service port by kube-proxy's name for it (<c>ns/svc:port</c>), or null.</summary>
    ServiceSummary? Service(string name, string? node = null);

    /// <summary>Per-endpoint new-connection series of a service port over the last <paramref name="window"/>; empty when the source keeps no history.</summary>
    IReadOnlyList<EndpointSeriesView> Series(string servicePort, string? node, TimeSpan window);

    /// <summary>Findings of every node's analysis, most severe first.</summary>
    IReadOnlyList<FindingView> Findings();

    /// <summary>Calls <paramref name="changed"/> after rules or counters changed (from any thread); dispose to stop.</summary>
    IDisposable Subscribe(Action changed);
}
