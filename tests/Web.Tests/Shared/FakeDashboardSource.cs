using NetView.Core.KubeProxy;
using NetView.Core.Iptables;
using NetView.Web.ViewModels;

namespace NetView.Web.Tests.Shared;

/// <summary>A hand-written live source: tests set its nodes, rules and services and call <see cref="Change"/>.</summary>
internal sealed class FakeDashboardSource : IDashboardSource
{
    private readonly List<Action> _subscribers = [];

    public string? ImportId => null;

    public List<NodeSummary> NodeList { get; } = [];
    public Dictionary<string, NodeRuleSets> Rules { get; } = new(StringComparer.Ordinal);
    public List<ServiceSummary> ServiceList { get; } = [];
    public List<FindingView> FindingList { get; } = [];
    public Dictionary<string, IReadOnlyList<EndpointSeriesView>> SeriesByService { get; } = new(StringComparer.Ordinal);

    public int Subscribers => _subscribers.Count;

    public IReadOnlyList<NodeSummary> Nodes() => NodeList;

    public NodeRuleSets? Node(string name) => Rules.GetValueOrDefault(name);

    public IReadOnlyList<ServiceSummary> Services(string? node = null) =>
        node is null ? ServiceList : [.. ServiceList.Where(s => s.Nodes.Contains(node))];

    /// <summary>How many times <see cref="Catalog"/> was called; released once per call (callers on other threads).</summary>
    public SemaphoreSlim CatalogReads { get; } = new(0);

    public ServiceCatalog Catalog()
    {
        CatalogReads.Release();
        return new([.. ServiceList.OrderBy(s => s.Name, StringComparer.Ordinal)]);
    }

    public ServiceSummary? Service(string name, string? node = null) => Services(node).FirstOrDefault(s => s.Name == name);

    public IReadOnlyList<EndpointSeriesView> Series(string servicePort, string? node, TimeSpan window) =>
        SeriesByService.GetValueOrDefault(servicePort) ?? [];

    public IReadOnlyList<FindingView> Findings() => FindingList;

    public IDisposable Subscribe(Action changed)
    {
        _subscribers.Add(changed);
        return new Unsubscriber(() => _subscribers.Remove(changed));
    }

    /// <summary>Adds a node whose rules are this iptables-save text, read at <paramref name="at"/>.</summary>
    public void AddNode(string name, string dump, DateTimeOffset at)
    {
        var rules = IptablesParser.Parse(dump);
        NodeList.RemoveAll(n => n.Name == name);
        NodeList.Add(new NodeSummary(name, true, at, "nf_tables", true, false, rules.RuleCount, null, "test"));
        Rules[name] = new NodeRuleSets(name, [FamilyRules.WithOwnCounters(rules, KubeProxyAnalyzer.Analyze(rules), at)]);
    }

    /// <summary>Lists the service ports of a node added with <see cref="AddNode"/>, as the live source sums them.</summary>
    public void AddServicesOf(string node)
    {
        foreach (var family in Rules[node].Families)
        {
            ServiceList.AddRange(family.Analysis.ServicePorts.Select(p => ServiceSummaries.From(p, [node])));
        }
    }

    public void Change()
    {
        foreach (var subscriber in _subscribers.ToList())
        {
            subscriber();
        }
    }

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
