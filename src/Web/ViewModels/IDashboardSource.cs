namespace NetView.Web.ViewModels;

/// <summary>
/// What the pages read: the live cluster fed by agents, or one imported dump. Pages bind to this
/// only, so that an import shows the same service and node views as a connected cluster.
/// </summary>
public interface IDashboardSource
{
    /// <summary>Null for the live cluster; the capability id for an imported dump (kept in page links).</summary>
    string? ImportId { get; }

    IReadOnlyList<NodeStatus> Nodes();

    /// <summary>The node's latest rules and their analysis, or null when the node is unknown or has sent none yet.</summary>
    NodeRules? Node(string name);

    /// <summary>Calls <paramref name="changed"/> after rules or counters changed (from any thread); dispose to stop.</summary>
    IDisposable Subscribe(Action changed);
}
