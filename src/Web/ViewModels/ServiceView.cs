using System.Globalization;
using NetView.Core.Iptables;
using NetView.Web.Kubernetes;

namespace NetView.Web.ViewModels;

/// <summary>
/// The service page's state for one service port: its summary, the flow graph over one node or all
/// nodes summed (edges weighted by connections per second between counter readings), the expected
/// versus observed split with its verdict, and per-endpoint series over the chosen window.
/// One instance per page; <see cref="Refresh"/> after every (throttled) change.
/// </summary>
/// <param name="podOf">The pod behind an endpoint address (<c>ip:port</c>) when the Kubernetes API knows it; null when not read.</param>
public sealed class ServiceView(Func<string, PodEndpoint?>? podOf = null)
{
    private readonly RateTracker<string> _ruleRates = new(capacity: 2, maxKeys: 20_000);

    public ServiceSummary? Service { get; private set; }

    /// <summary>The node shown, or null for all nodes summed.</summary>
    public string? Node { get; private set; }

    public TimeSpan Window { get; private set; } = TimeSpan.FromMinutes(1);
    public FlowGraph Graph { get; private set; } = FlowGraph.Empty;
    public SplitView Split { get; private set; } = SplitView.Empty;
    public IReadOnlyList<EndpointSeriesView> Series { get; private set; } = [];
    public IReadOnlyList<string> Nodes => Service?.Nodes ?? [];

    /// <param name="name">kube-proxy's name of the service port: <c>ns/svc:port</c> or <c>ns/svc</c>.</param>
    public void Refresh(IDashboardSource source, string name, string? node, TimeSpan window, bool withSeries = true)
    {
        Window = window;
        Node = string.IsNullOrEmpty(node) ? null : node;
        Service = source.Service(name, Node);
        if (Service is null)
        {
            Graph = FlowGraph.Empty;
            Split = SplitView.Empty;
            Series = [];
            return;
        }

        Graph = BuildGraph(source, Service);
        Series = withSeries ? source.Series(name, Node, window) : [];
        var observed = Series.Count == 0 ? null : Series.ToDictionary(s => s.Address, s => s.Connections, StringComparer.Ordinal);
        Split = SplitView.Of(Service, observed, observed is null ? "all counted connections (counters since the rules were created)" : $"the last {Describe(window)}", podOf);
    }

    public static string Name(string ns, string service, string portName) => portName.Length == 0 ? $"{ns}/{service}" : $"{ns}/{service}:{portName}";

    public static string Describe(TimeSpan window) => window.TotalSeconds < 120
        ? window.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) + " s"
        : window.TotalMinutes.ToString("0", CultureInfo.InvariantCulture) + " min";

    private FlowGraph BuildGraph(IDashboardSource source, ServiceSummary service)
    {
        var spec = new ServiceFlowSpec(service.Name, service.Chains, [.. service.Endpoints.Select(e => new EndpointInfo(e.Chain, e.Address, e.Share, e.LocalShare))]);
        var builder = new FlowGraphBuilder(spec, podOf);
        foreach (var nodeName in Node is null ? service.Nodes : [Node])
        {
            foreach (var family in source.Node(nodeName)?.Families ?? [])
            {
                builder.Add(nodeName, family, rule => RateOf(nodeName, family, rule));
            }
        }

        return builder.Build();
    }

    private double? RateOf(string node, FamilyRules family, Rule rule)
    {
        if (family.CountersOf(rule) is not { } counters)
        {
            return null;
        }

        var key = $"{node}|{family.Family}|{rule.Reference}|{rule.Text}";
        _ruleRates.Observe(key, family.CountersAt, counters.Packets);
        return _ruleRates.Rate(key);
    }
}
