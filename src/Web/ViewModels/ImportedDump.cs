using NetView.Core.Iptables;
using NetView.Core.KubeProxy;

namespace NetView.Web.ViewModels;

/// <summary>
/// A pasted or uploaded dump, shown as a one-node cluster with no agent. It never changes, so
/// subscribers are never called.
/// </summary>
public sealed class ImportedDump : IDashboardSource
{
    /// <summary>The node name the views use for an imported dump.</summary>
    public const string NodeName = "imported";

    private readonly NodeRuleSets _rules;
    private readonly IReadOnlyList<ServiceSummary> _services;
    private readonly ServiceCatalog _catalog;
    private readonly IReadOnlyList<FindingView> _findings;

    public ImportedDump(string id, string name, RuleSet rules, DateTimeOffset at)
    {
        ImportId = id;
        Name = name;
        RuleSet = rules;
        At = at;
        Analysis = KubeProxyAnalyzer.Analyze(rules);
        _rules = new NodeRuleSets(NodeName, [FamilyRules.WithOwnCounters(rules, Analysis, at)]);
        _services = [.. Analysis.ServicePorts.Select(p => ServiceSummaries.From(p, [NodeName]))];
        _catalog = new ServiceCatalog([.. _services.OrderBy(s => s.Name, StringComparer.Ordinal)]);
        _findings = ServiceSummaries.Findings([(NodeName, Analysis)], id);
    }

    public string? ImportId { get; }

    /// <summary>The file name or "pasted text"; untrusted.</summary>
    public string Name { get; }

    public RuleSet RuleSet { get; }
    public KubeProxyAnalysis Analysis { get; }
    public DateTimeOffset At { get; }

    public IReadOnlyList<NodeSummary> Nodes() =>
    [
        new NodeSummary(NodeName, Connected: false, LastSeen: At, RuleSet.Backend, RuleSet.Family == IpFamily.IPv4, RuleSet.Family == IpFamily.IPv6, RuleSet.RuleCount, SyncDuration: null, AgentVersion: null),
    ];

    public NodeRuleSets? Node(string name) => name == NodeName ? _rules : null;

    public IReadOnlyList<ServiceSummary> Services(string? node = null) => node is null or NodeName ? _services : [];

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
