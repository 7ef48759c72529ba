namespace NetView.Web.Ingestion;

/// <summary>
/// Every service port of the current rule sets summed over nodes (<see cref="Ports"/>, by name),
/// built once per set of rule sets, with where each endpoint's DNAT rule is counted on each node.
/// A counter frame changes only counters, so the services grid reads every port's connection
/// total from the live counters in one pass (<see cref="ReadConnections"/>) instead of summing
/// 10,000 service ports anew after every frame.
/// </summary>
public sealed class ServicePortIndex
{
    private readonly CountedFamily[] _families;

    internal ServicePortIndex(IReadOnlyList<ServicePortTotals> ports, CountedFamily[] families)
    {
        Ports = ports;
        _families = families;
    }

    /// <summary>The service ports by name, with the connections counted when the index was built.</summary>
    public IReadOnlyList<ServicePortTotals> Ports { get; }

    /// <summary>
    /// Writes each port's connections over all its endpoints and nodes, as counted now, into
    /// <paramref name="into"/> (aligned with <see cref="Ports"/>); null for a port no node has counted yet.
    /// </summary>
    public void ReadConnections(long?[] into)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(into.Length, Ports.Count);
        Array.Clear(into, 0, Ports.Count);
        foreach (var family in _families)
        {
            lock (family.Node.Gate)
            {
                // A rule set replaced since the build no longer holds these slots; the next build reads it.
                if (!ReferenceEquals(family.State.Current, family.RuleSet) || !family.State.HasBaseline)
                {
                    continue;
                }

                var counters = family.State.Counters;
                for (var i = 0; i < family.Ports.Length; i++)
                {
                    if (family.Slots[i] < counters.Count)
                    {
                        into[family.Ports[i]] = (into[family.Ports[i]] ?? 0) + counters[family.Slots[i]].Packets;
                    }
                }
            }
        }
    }

    /// <summary>True while the cluster holds exactly the rule sets this index was built from.</summary>
    internal bool IsCurrent(IReadOnlyList<CountedFamily> current) =>
        current.Count == _families.Length
        && current.Select((f, i) => ReferenceEquals(f.State, _families[i].State) && ReferenceEquals(f.RuleSet, _families[i].RuleSet)).All(same => same);

    /// <summary>
    /// One node's rule set of one family as the index saw it, and its counted endpoints: the DNAT
    /// rule in <see cref="Slots"/>[i] counts connections of <see cref="ServicePortIndex.Ports"/>[<see cref="Ports"/>[i]].
    /// </summary>
    internal sealed record CountedFamily(NodeState Node, FamilyState State, AnalyzedRuleSet RuleSet, int[] Ports, int[] Slots);
}
