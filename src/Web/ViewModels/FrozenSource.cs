namespace NetView.Web.ViewModels;

/// <summary>
/// A one-node source that never changes (an imported dump, a shared snapshot): its service
/// summaries, catalog and findings are made once, it keeps no history, and subscribers are never called.
/// </summary>
public abstract class FrozenSource : IDashboardSource
{
    private readonly NodeRuleSets _rules;
    private readonly IReadOnlyList<ServiceSummary> _services;
    private readonly ServiceCatalog _catalog;
    private readonly IReadOnlyList<FindingView> _findings;

    protected FrozenSource(string id, string node, IReadOnlyList<FamilyRules> families)
    {
        ImportId = id;
        _rules = new NodeRuleSets(node, families);

        // A dual-stack service port has one chain per family under the same name; the first family names it.
        _services = [.. families.SelectMany(f => f.Analysis.ServicePorts).DistinctBy(p => p.Name).Select(p => ServiceSummaries.From(p, [node]))];
        _catalog = new ServiceCatalog([.. _services.OrderBy(s => s.Name, StringComparer.Ordinal)]);
        _findings = ServiceSummaries.Findings(families.Select(f => (node, f.Analysis)), id);
    }

    public string? ImportId { get; }

    public abstract IReadOnlyList<NodeSummary> Nodes();

    public NodeRuleSets? Node(string name) => name == _rules.Node ? _rules : null;

    public IReadOnlyList<ServiceSummary> Services(string? node = null) => node is null || node == _rules.Node ? _services : [];

    public ServiceCatalog Catalog() => _catalog;

    public ServiceSummary? Service(string name, string? node = null) => Services(node).FirstOrDefault(s => s.Name == name);

    public IReadOnlyList<EndpointSeriesView> Series(string servicePort, string? node, TimeSpan window) => [];

    public IReadOnlyList<FindingView> Findings() => _findings;

    public IDisposable Subscribe(Action changed) => NoSubscription.Instance;

    private sealed class NoSubscription : IDisposable
    {
        public static readonly NoSubscription Instance = new();

        public void Dispose()
        {
        }
    }
}
