namespace NetView.Web.ViewModels;

/// <summary>The live cluster as the pages see it: an adapter over the ingestion read side.</summary>
public sealed class LiveClusterSource : IDashboardSource
{
    public string? ImportId => null;

    public IReadOnlyList<NodeSummary> Nodes() => [];

    public NodeRuleSets? Node(string name) => null;

    public IReadOnlyList<ServiceSummary> Services(string? node = null) => [];

    public ServiceSummary? Service(string name, string? node = null) => Services(node).FirstOrDefault(s => s.Name == name);

    public IReadOnlyList<EndpointSeriesView> Series(string servicePort, string? node, TimeSpan window) => [];

    public IReadOnlyList<FindingView> Findings() => [];

    public IDisposable Subscribe(Action changed) => new Unsubscribe();

    private sealed class Unsubscribe : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
