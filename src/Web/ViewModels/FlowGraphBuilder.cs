using NetView.Core.Iptables;
using NetView.Core.KubeProxy;
using NetView.Web.Kubernetes;

namespace NetView.Web.ViewModels;

/// <summary>
/// Walks one service port's rules on each chosen node and sums them into one <see cref="FlowGraph"/>:
/// entry points (from the KUBE-SERVICES and KUBE-NODEPORTS rules that jump into the service's
/// chains) → dispatch chain → KUBE-FW → KUBE-EXT/XLB → KUBE-SVC/SVL → KUBE-SEP → DNAT, plus filter
/// REJECT/DROP rules for a service without endpoints. Only this service's chains are followed, so the
/// graph stays small whatever the node's size. Endpoint boxes name their pod when the given lookup
/// (the cluster directory, fed by the Kubernetes API) knows the address.
/// </summary>
public sealed class FlowGraphBuilder
{
    private const string MarkMasq = "KUBE-MARK-MASQ";
    private static readonly string[] DispatchChains = ["KUBE-SERVICES", "KUBE-NODEPORTS"];
    private static readonly string[] FilterChains = ["KUBE-SERVICES", "KUBE-EXTERNAL-SERVICES", "KUBE-NODEPORTS", "KUBE-PROXY-FIREWALL", "KUBE-FORWARD"];

    private readonly ServiceFlowSpec _spec;
    private Func<Rule, double?> _rate = _ => null;
    private readonly Dictionary<string, Box> _boxes = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), Link> _links = [];
    private readonly HashSet<string> _chains;
    private readonly Dictionary<string, EndpointInfo> _endpoints;
    private readonly Func<string, PodEndpoint?> _podOf;
    private Func<Rule, Counters?> _countersOf = r => r.Counters;

    /// <param name="podOf">The pod behind an endpoint address (<c>ip:port</c>), when known.</param>
    public FlowGraphBuilder(ServiceFlowSpec spec, Func<string, PodEndpoint?>? podOf = null)
    {
        _spec = spec;
        _podOf = podOf ?? (_ => null);
        _chains = new HashSet<string>(spec.Chains, StringComparer.Ordinal);
        _endpoints = spec.Endpoints.ToDictionary(e => e.Chain, StringComparer.Ordinal);
    }

    /// <summary>Adds one node's rules of one family; call once per node and family to sum several.</summary>
    /// <param name="rate">Current connections per second of a rule, when known.</param>
    public FlowGraphBuilder Add(string node, FamilyRules family, Func<Rule, double?>? rate = null)
    {
        _countersOf = family.CountersOf;
        _rate = rate ?? (_ => null);
        var rules = family.Rules;
        if (rules.Table("nat") is { } nat)
        {
            var visited = new HashSet<string>(StringComparer.Ordinal);
            foreach (var dispatch in DispatchChains)
            {
                foreach (var rule in nat.Chain(dispatch)?.Rules ?? [])
                {
                    var intoService = _chains.Contains(rule.Target.Name);
                    if (!intoService && !(rule.Target.Name == MarkMasq && IsAbout(rule)))
                    {
                        continue;
                    }

                    var entry = Entry(node, rule, dispatch);
                    var dispatchBox = BoxOf(dispatch, FlowNodeKind.Dispatch, dispatch, null);
                    Connect(entry, dispatchBox, node, rule);
                    if (intoService)
                    {
                        Connect(dispatchBox, BoxOf(rule.Target.Name), node, rule);
                        Visit(node, nat, rule.Target.Name, visited);
                    }
                    else
                    {
                        entry.Masquerade = true;
                    }
                }
            }
        }

        if (rules.Table("filter") is { } filter)
        {
            foreach (var name in FilterChains)
            {
                foreach (var rule in filter.Chain(name)?.Rules ?? [])
                {
                    if (rule.Target.Name is "REJECT" or "DROP" && IsAbout(rule))
                    {
                        var entry = Entry(node, rule, name);
                        Connect(entry, BoxOf($"verdict:filter/{name}:{rule.Target.Name}", FlowNodeKind.Verdict, rule.Target.Name, $"filter/{name} — {rule.Comment}"), node, rule);
                    }
                }
            }
        }

        return this;
    }

    public FlowGraph Build()
    {
        var columns = _boxes.Values.Select(b => ColumnOf(b.Kind)).Distinct().Order().ToList();
        var rows = new Dictionary<int, int>();
        var nodes = new List<FlowNode>(_boxes.Count);
        foreach (var box in _boxes.Values.OrderBy(b => ColumnOf(b.Kind)).ThenBy(b => b.Order))
        {
            var column = columns.IndexOf(ColumnOf(box.Kind));
            var row = rows.GetValueOrDefault(column);
            rows[column] = row + 1;
            var incoming = _links.Values.Where(l => l.To == box.Id).ToList();
            nodes.Add(new FlowNode(
                box.Id, box.Kind, box.Title, box.Detail, box.Share, box.LocalShare, box.Masquerade,
                incoming.Count == 0 ? null : Sum(incoming.Select(l => l.Connections)),
                incoming.Count == 0 ? null : Sum(incoming.Select(l => l.Rate)),
                column, row, box.Rules)
            {
                Pod = box.Pod,
            });
        }

        var edges = _links.Values.Select(l => new FlowEdge(l.From, l.To, l.Rules, l.Connections, l.Rate)).ToList();
        return new FlowGraph(nodes, edges);
    }

    private void Visit(string node, Table nat, string chainName, HashSet<string> visited)
    {
        if (!visited.Add(chainName) || nat.Chain(chainName) is not { } chain)
        {
            return;
        }

        var box = BoxOf(chainName);
        box.Rules.AddRange(chain.Rules.Select(r => new FlowRule(node, r, _countersOf(r))));
        foreach (var rule in chain.Rules)
        {
            var target = rule.Target.Name;
            if (target == MarkMasq)
            {
                box.Masquerade = true;
            }
            else if (target == "DNAT")
            {
                var destination = rule.Target.Option("--to-destination")?.Value ?? "?";
                Connect(box, BoxOf("dnat:" + destination, FlowNodeKind.Dnat, "DNAT → " + destination, null), node, rule);
            }
            else if (target is "REJECT" or "DROP" or "KUBE-MARK-DROP")
            {
                Connect(box, BoxOf($"verdict:{chainName}:{target}", FlowNodeKind.Verdict, target, rule.Comment), node, rule);
            }
            else if (_chains.Contains(target) || target.StartsWith(ChainNames.Sep, StringComparison.Ordinal))
            {
                Connect(box, BoxOf(target), node, rule);
                Visit(node, nat, target, visited);
            }
        }
    }

    private bool IsAbout(Rule rule) =>
        rule.Comment is { } comment && comment.StartsWith(_spec.Name, StringComparison.Ordinal)
        && (comment.Length == _spec.Name.Length || comment[_spec.Name.Length] == ' ');

    private Box Entry(string node, Rule rule, string dispatch)
    {
        var address = rule.Destination?.Value is { } d ? (d.EndsWith("/32", StringComparison.Ordinal) || d.EndsWith("/128", StringComparison.Ordinal) ? d[..d.LastIndexOf('/')] : d) : null;
        var port = rule.Option("--dport")?.Value;
        var comment = rule.Comment ?? "";
        var kind = dispatch == "KUBE-NODEPORTS" ? FlowNodeKind.NodePort
            : comment.Contains("loadbalancer IP", StringComparison.Ordinal) ? FlowNodeKind.LoadBalancerIP
            : comment.Contains("external IP", StringComparison.Ordinal) ? FlowNodeKind.ExternalIP
            : FlowNodeKind.ClusterIP;
        var label = kind switch
        {
            FlowNodeKind.NodePort => "NodePort",
            FlowNodeKind.LoadBalancerIP => "LB IP",
            FlowNodeKind.ExternalIP => "external IP",
            _ => "ClusterIP",
        };
        var where = kind == FlowNodeKind.NodePort ? $"any node IP:{port}" : $"{address}:{port}";
        var box = BoxOf($"entry:{kind}:{where}:{rule.Protocol?.Value}", kind, label, where);
        box.Rules.Add(new FlowRule(node, rule, _countersOf(rule)));
        return box;
    }

    private Box BoxOf(string chain)
    {
        var kind = chain.StartsWith(ChainNames.Svc, StringComparison.Ordinal) ? FlowNodeKind.Service
            : chain.StartsWith(ChainNames.Svl, StringComparison.Ordinal) ? FlowNodeKind.LocalService
            : chain.StartsWith(ChainNames.Fw, StringComparison.Ordinal) ? FlowNodeKind.Firewall
            : chain.StartsWith(ChainNames.Sep, StringComparison.Ordinal) ? FlowNodeKind.Endpoint
            : FlowNodeKind.External;
        if (kind == FlowNodeKind.Endpoint)
        {
            var endpoint = _endpoints.GetValueOrDefault(chain);
            var box = BoxOf(chain, kind, endpoint?.Address ?? chain, chain);
            box.Share = endpoint?.Share;
            box.LocalShare = endpoint?.LocalShare;
            box.Pod ??= endpoint is null ? null : _podOf(endpoint.Address);
            return box;
        }

        return BoxOf(chain, kind, chain, null);
    }

    private Box BoxOf(string id, FlowNodeKind kind, string title, string? detail)
    {
        if (!_boxes.TryGetValue(id, out var box))
        {
            _boxes[id] = box = new Box(id, kind, title, detail, _boxes.Count);
        }

        return box;
    }

    private void Connect(Box from, Box to, string node, Rule rule)
    {
        if (!_links.TryGetValue((from.Id, to.Id), out var link))
        {
            _links[(from.Id, to.Id)] = link = new Link(from.Id, to.Id);
        }

        link.Rules++;
        if (_countersOf(rule) is { } counters)
        {
            link.Connections = (link.Connections ?? 0) + counters.Packets;
        }

        if (_rate(rule) is { } rate)
        {
            link.Rate = (link.Rate ?? 0) + rate;
        }
    }

    private static int ColumnOf(FlowNodeKind kind) => kind switch
    {
        FlowNodeKind.ClusterIP or FlowNodeKind.NodePort or FlowNodeKind.LoadBalancerIP or FlowNodeKind.ExternalIP => 0,
        FlowNodeKind.Dispatch => 1,
        FlowNodeKind.Firewall => 2,
        FlowNodeKind.External => 3,
        FlowNodeKind.Service or FlowNodeKind.LocalService => 4,
        FlowNodeKind.Endpoint => 5,
        _ => 6,
    };

    private static long? Sum(IEnumerable<long?> values) => values.Aggregate((long?)null, (a, v) => v is null ? a : (a ?? 0) + v);

    private static double? Sum(IEnumerable<double?> values) => values.Aggregate((double?)null, (a, v) => v is null ? a : (a ?? 0) + v);

    private sealed class Box(string id, FlowNodeKind kind, string title, string? detail, int order)
    {
        public string Id { get; } = id;
        public FlowNodeKind Kind { get; } = kind;
        public string Title { get; } = title;
        public string? Detail { get; } = detail;
        public int Order { get; } = order;
        public double? Share { get; set; }
        public double? LocalShare { get; set; }
        public bool Masquerade { get; set; }
        public PodEndpoint? Pod { get; set; }
        public List<FlowRule> Rules { get; } = [];
    }

    private sealed class Link(string from, string to)
    {
        public string From { get; } = from;
        public string To { get; } = to;
        public int Rules { get; set; }
        public long? Connections { get; set; }
        public double? Rate { get; set; }
    }
}
