using NetView.Core.Iptables;
using NetView.Core.KubeProxy;

namespace NetView.Web.ViewModels;

/// <summary>A pasted or uploaded dump, shown as a one-node cluster with no agent.</summary>
public sealed class ImportedDump : FrozenSource
{
    /// <summary>The node name the views use for an imported dump.</summary>
    public const string NodeName = "imported";

    public ImportedDump(string id, string name, RuleSet rules, DateTimeOffset at)
        : this(id, name, rules, KubeProxyAnalyzer.Analyze(rules), at)
    {
    }

    private ImportedDump(string id, string name, RuleSet rules, KubeProxyAnalysis analysis, DateTimeOffset at)
        : base(id, NodeName, [FamilyRules.WithOwnCounters(rules, analysis, at)])
    {
        Name = name;
        RuleSet = rules;
        Analysis = analysis;
        At = at;
    }

    /// <summary>The file name or "pasted text"; untrusted.</summary>
    public string Name { get; }

    public RuleSet RuleSet { get; }
    public KubeProxyAnalysis Analysis { get; }
    public DateTimeOffset At { get; }

    public override IReadOnlyList<NodeSummary> Nodes() =>
    [
        new NodeSummary(NodeName, Connected: false, LastSeen: At, RuleSet.Backend, RuleSet.Family == IpFamily.IPv4, RuleSet.Family == IpFamily.IPv6, RuleSet.RuleCount, SyncDuration: null, AgentVersion: null),
    ];
}
