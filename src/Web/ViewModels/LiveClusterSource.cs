namespace NetView.Web.ViewModels;

/// <summary>The live cluster as the pages see it: an adapter over the ingestion read side.</summary>
public sealed class LiveClusterSource : IDashboardSource
{
    public string? ImportId => null;

    public IReadOnlyList<NodeStatus> Nodes() => [];

    public NodeRules? Node(string name) => null;

    public IDisposable Subscribe(Action changed) => new Unsubscribe();

    private sealed class Unsubscribe : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
