using NetView.Core.Iptables;
using NetView.Core.Wire;

namespace NetView.Web.Ingestion;

/// <summary>
/// The mutable state of one node, guarded by <see cref="Gate"/>. The ingestion writes it; the
/// read side only sees immutable copies (<see cref="NodeStatus"/>, <see cref="NodeRuleSet"/>).
/// </summary>
internal sealed class NodeState(string name, DateTimeOffset firstSeen)
{
    public Lock Gate { get; } = new();

    public string Name { get; } = name;

    public DateTimeOffset FirstSeen { get; set; } = firstSeen;

    public DateTimeOffset LastSeen { get; set; } = firstSeen;

    /// <summary>Open agent connections for this node (an agent restarting may briefly hold two).</summary>
    public int Connections { get; set; }

    public AgentHello? Hello { get; set; }

    public string? Backend { get; set; }

    public string? AgentVersion { get; set; }

    public TimeSpan? Interval { get; set; }

    public TimeSpan? ReadTime { get; set; }

    public KubeProxyFigures? KubeProxy { get; set; }

    public string? Problem { get; set; }

    public DateTimeOffset? LastRuleChange { get; set; }

    public int RuleChanges { get; set; }

    public long Rejections { get; set; }

    public string? LastRejection { get; set; }

    public bool Dirty { get; set; } = true;

    public Dictionary<IpFamily, FamilyState> Families { get; } = [];

    public FamilyState Family(IpFamily family, Func<SnapshotAssembler> assembler)
    {
        if (!Families.TryGetValue(family, out var state))
        {
            state = new FamilyState(family, assembler());
            Families.Add(family, state);
        }

        return state;
    }
}
