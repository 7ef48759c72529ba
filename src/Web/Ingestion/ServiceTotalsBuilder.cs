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

    /// <summary>The current rule set of every node and family, in node-name then family order.</summary>
    public static IReadOnlyList<ServicePortIndex.CountedFamily> CurrentFamilies(ClusterState state)
    {
        var families = new List<ServicePortIndex.CountedFamily>();
        foreach (var node in state.NodeStates.Values.OrderBy(n => n.Name, StringComparer.Ordinal))
        {
            lock (node.Gate)
            {
                foreach (var family in node.Families.Values.Where(f => f.Current is not null).OrderBy(f => f.Family))
                {
                    families.Add(new ServicePortIndex.CountedFamily(node, family, family.Current!, [], []));
                }
            }
        }

        return families;
    }

    /// <summary>Sums all service ports and records, per family, the counter slot of every endpoint's DNAT rule.</summary>
    public static ServicePortIndex Index(ClusterState state, IReadOnlyList<ServicePortIndex.CountedFamily> families)
    {
        var ports = Build(state);
        var position = new Dictionary<string, int>(ports.Count, StringComparer.Ordinal);
        for (var i = 0; i < ports.Count; i++)
        {
            position.TryAdd(ports[i].Port.Name, i);
        }

        var counted = new ServicePortIndex.CountedFamily[families.Count];
        for (var f = 0; f < families.Count; f++)
        {
            var ruleSet = families[f].RuleSet;
            var (of, slots) = (new List<int>(), new List<int>());
            foreach (var port in ruleSet.Analysis.ServicePorts)
            {
                if (!position.TryGetValue(port.Name, out var at))
                {
                    continue;
                }

                foreach (var endpoint in port.Endpoints)
                {
                    if (ruleSet.DnatRuleOf(endpoint) is { } dnat && ruleSet.SlotOf(dnat) is var slot and >= 0)
                    {
                        of.Add(at);
                        slots.Add(slot);
                    }
                }
            }

            counted[f] = families[f] with { Ports = [.. of], Slots = [.. slots] };
        }

        return new ServicePortIndex(ports, counted);
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
