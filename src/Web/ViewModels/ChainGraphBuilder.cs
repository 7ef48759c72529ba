using NetView.Core.Iptables;

namespace NetView.Web.ViewModels;

/// <summary>
/// Builds a <see cref="ChainGraph"/> from one table. Hashed kube-proxy chains collapse into one
/// group per family, so the graph stays at a few dozen boxes however many services a node has
/// (Blazor.Diagrams slows down past a few hundred nodes). Columns follow the jump depth from the
/// built-in chains; chains nothing reaches go in a last column.
/// </summary>
public static class ChainGraphBuilder
{
    public static ChainGraph Build(Table table)
    {
        var groupOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var members = new Dictionary<string, List<Chain>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var chain in table.Chains)
        {
            var family = ChainFamilies.Of(chain.Name);
            var id = ChainFamilies.IsGrouped(family) ? ChainFamilies.GroupLabel(family) : chain.Name;
            groupOf[chain.Name] = id;
            if (!members.TryGetValue(id, out var list))
            {
                members[id] = list = [];
                order.Add(id);
            }

            list.Add(chain);
        }

        var edges = new Dictionary<(string, string), int>();
        foreach (var chain in table.Chains)
        {
            foreach (var rule in chain.Rules)
            {
                if (rule.Target.IsBuiltin || rule.Target.Name.Length == 0 || !groupOf.TryGetValue(rule.Target.Name, out var to))
                {
                    continue;
                }

                var key = (groupOf[chain.Name], to);
                edges[key] = edges.GetValueOrDefault(key) + 1;
            }
        }

        var depth = Depths(order, members, edges);
        var rows = new Dictionary<int, int>();
        var groups = new List<ChainGroup>(order.Count);
        foreach (var id in order)
        {
            var chains = members[id];
            var family = ChainFamilies.Of(chains[0].Name);
            var rules = 0;
            foreach (var chain in chains)
            {
                rules += chain.Rules.Count;
            }

            var column = depth[id];
            var row = rows.GetValueOrDefault(column);
            rows[column] = row + 1;
            var label = ChainFamilies.IsGrouped(family) ? $"{id} ({chains.Count})" : id;
            groups.Add(new ChainGroup(id, label, family, chains.ConvertAll(c => c.Name), rules, column, row));
        }

        var edgeList = new List<ChainGroupEdge>(edges.Count);
        foreach (var ((from, to), count) in edges)
        {
            edgeList.Add(new ChainGroupEdge(from, to, count));
        }

        return new ChainGraph(table.Name, groups, edgeList);
    }

    // Breadth-first from the built-in chains; a group's column is its shortest jump distance.
    private static Dictionary<string, int> Depths(List<string> order, Dictionary<string, List<Chain>> members, Dictionary<(string From, string To), int> edges)
    {
        var next = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (from, to) in edges.Keys)
        {
            if (!next.TryGetValue(from, out var list))
            {
                next[from] = list = [];
            }

            list.Add(to);
        }

        var depth = new Dictionary<string, int>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        foreach (var id in order)
        {
            if (members[id][0].IsBuiltin)
            {
                depth[id] = 0;
                queue.Enqueue(id);
            }
        }

        var deepest = 0;
        while (queue.TryDequeue(out var id))
        {
            foreach (var to in next.GetValueOrDefault(id) ?? [])
            {
                if (!depth.ContainsKey(to))
                {
                    depth[to] = depth[id] + 1;
                    deepest = Math.Max(deepest, depth[to]);
                    queue.Enqueue(to);
                }
            }
        }

        foreach (var id in order)
        {
            if (!depth.ContainsKey(id))
            {
                depth[id] = deepest + 1;
            }
        }

        return depth;
    }
}
