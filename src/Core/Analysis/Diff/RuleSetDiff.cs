using NetView.Core.Iptables;
using NetView.Core.KubeProxy;

namespace NetView.Core.Analysis.Diff;

/// <summary>
/// Compares two rule sets of one node (an earlier and a later dump): rule by rule within each
/// chain, and by meaning per service port and endpoint.
/// </summary>
public static class RuleSetDiff
{
    public static RuleSetDifference Compare(RuleSet oldRules, RuleSet newRules)
    {
        ArgumentNullException.ThrowIfNull(oldRules);
        ArgumentNullException.ThrowIfNull(newRules);
        var added = new List<RuleChange>();
        var removed = new List<RuleChange>();
        var moved = new List<RuleChange>();
        var pairs = new List<(Rule Old, Rule New)>();
        var tables = new List<ChainCount>();
        var chains = new List<ChainCount>();
        foreach (var tableName in Union(oldRules.Tables.Select(t => t.Name), newRules.Tables.Select(t => t.Name)))
        {
            var oldTable = oldRules.Table(tableName);
            var newTable = newRules.Table(tableName);
            tables.Add(new ChainCount(tableName, null, oldTable?.RuleCount ?? 0, newTable?.RuleCount ?? 0));
            var chainNames = Union(oldTable?.Chains.Select(c => c.Name) ?? [], newTable?.Chains.Select(c => c.Name) ?? []);
            foreach (var chainName in chainNames)
            {
                var oldChain = oldTable?.Chain(chainName)?.Rules ?? [];
                var newChain = newTable?.Chain(chainName)?.Rules ?? [];
                chains.Add(new ChainCount(tableName, chainName, oldChain.Count, newChain.Count));
                ChainAlignment.Align(oldChain, newChain, added, removed, moved, pairs);
            }
        }

        var changes = ServicePortDiff.Compare(
            KubeProxyAnalyzer.Analyze(oldRules).ServicePorts,
            KubeProxyAnalyzer.Analyze(newRules).ServicePorts);
        return new RuleSetDifference(added, removed, moved, changes, CounterDeltas(pairs), tables, chains);
    }

    private static List<string> Union(IEnumerable<string> first, IEnumerable<string> second)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var names = new List<string>();
        foreach (var name in first.Concat(second))
        {
            if (seen.Add(name))
            {
                names.Add(name);
            }
        }

        return names;
    }

    // Only rules whose counters grew: a counter that fell means the rule was recreated (or the
    // counters zeroed), which is reported as the new value rather than a negative delta.
    private static List<CounterDelta> CounterDeltas(List<(Rule Old, Rule New)> pairs)
    {
        var deltas = new List<CounterDelta>();
        foreach (var (oldRule, newRule) in pairs)
        {
            if (oldRule.Counters is not { } before || newRule.Counters is not { } after)
            {
                continue;
            }

            var reset = after.Packets < before.Packets || after.Bytes < before.Bytes;
            var packets = reset ? after.Packets : after.Packets - before.Packets;
            var bytes = reset ? after.Bytes : after.Bytes - before.Bytes;
            if (packets != 0 || bytes != 0)
            {
                deltas.Add(new CounterDelta(newRule.Reference, newRule.Text, packets, bytes));
            }
        }

        return deltas;
    }
}
