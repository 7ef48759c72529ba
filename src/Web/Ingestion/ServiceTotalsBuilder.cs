using NetView.Core.KubeProxy;

namespace NetView.Web.Ingestion;

/// <summary>Sums service ports and their series over the nodes of a <see cref="ClusterState"/>.</summary>
internal static class ServiceTotalsBuilder
{
    /// <param name="only">When given, sums just this service port (one page's read) instead of all of them.</param>
    public static IReadOnlyList<ServicePortTotals> Build(ClusterState state, string? only = null)
    {
        var byName = new SortedDictionary<string, Accumulator>(StringComparer.Ordinal);
        foreach (var node in state.NodeStates.Keys.Order(StringComparer.Ordinal))
        {
            foreach (var ruleSet in state.RuleSets(node))
            {
                foreach (var port in ruleSet.RuleSet.Analysis.ServicePorts)
                {
                    if (only is not null && !string.Equals(port.Name, only, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    if (!byName.TryGetValue(port.Name, out var accumulator))
                    {
                        accumulator = new Accumulator(port);
                        byName.Add(port.Name, accumulator);
                    }

                    accumulator.Add(ruleSet, port);
                }
            }
        }

        return [.. byName.Values.Select(a => a.Build())];
    }

    public static IReadOnlyList<EndpointSeries> Series(ClusterState state, string servicePort, DateTimeOffset since)
    {
        var totals = state.Service(servicePort);
        if (totals is null)
        {
            return [];
        }

        var result = new List<EndpointSeries>();
        foreach (var endpoint in totals.Endpoints)
        {
            var nodes = endpoint.Nodes
                .Select(n => new NodeSeries(n.Node, n.Family, state.Series(SeriesKey.Endpoint(n.Node, n.Family, servicePort, endpoint.Address), since)))
                .ToList();
            result.Add(new EndpointSeries(endpoint.Address, nodes, Sum(nodes)));
        }

        return result;
    }

    /// <summary>Sums node series per whole second (buckets are aligned to whole seconds already).</summary>
    private static List<SeriesPoint> Sum(List<NodeSeries> nodes)
    {
        var sums = new SortedDictionary<DateTimeOffset, SeriesPoint>();
        foreach (var point in nodes.SelectMany(n => n.Points))
        {
            var second = new DateTimeOffset(point.Timestamp.UtcTicks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);
            sums[second] = sums.TryGetValue(second, out var sum)
                ? sum with { Interval = TimeSpan.FromTicks(Math.Max(sum.Interval.Ticks, point.Interval.Ticks)), Connections = sum.Connections + point.Connections, Bytes = sum.Bytes + point.Bytes }
                : point with { Timestamp = second };
        }

        return [.. sums.Values];
    }

    private sealed class Accumulator(ServicePort first)
    {
        private readonly SortedSet<string> _nodes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (ServiceEndpoint First, List<EndpointOnNode> Nodes)> _endpoints = new(StringComparer.Ordinal);
        private readonly List<string> _order = [];

        public void Add(NodeRuleSet ruleSet, ServicePort port)
        {
            _nodes.Add(ruleSet.Node);
            foreach (var endpoint in port.Endpoints)
            {
                var dnat = ruleSet.RuleSet.DnatRuleOf(endpoint);
                var counters = dnat is null ? null : ruleSet.CountersOf(dnat);
                var onNode = new EndpointOnNode(ruleSet.Node, ruleSet.Family, counters?.Packets, counters?.Bytes, endpoint.Probability, endpoint.LocalProbability);
                if (!_endpoints.TryGetValue(endpoint.Address, out var entry))
                {
                    entry = (endpoint, []);
                    _endpoints.Add(endpoint.Address, entry);
                    _order.Add(endpoint.Address);
                }

                entry.Nodes.Add(onNode);
            }
        }

        public ServicePortTotals Build() => new(
            first,
            [.. _nodes],
            [.. _order.Select(address =>
            {
                var (endpoint, nodes) = _endpoints[address];
                return new EndpointTotals(
                    address, endpoint.Chain, endpoint.Probability, endpoint.LocalProbability,
                    nodes.Sum(n => n.Connections ?? 0), nodes.Sum(n => n.Bytes ?? 0), nodes);
            })]);
    }
}
