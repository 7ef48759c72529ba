using NetView.Core.Iptables;
using NetView.Core.KubeProxy;

namespace NetView.Web.ViewModels;

/// <summary>
/// A shared snapshot link shown as a one-node cluster: the rules of each family as they were when
/// frozen, with the counters of that moment. It holds nothing live: every view of it shows only
/// what was frozen. Its id travels in page URLs as an import id does, so every view stays on it.
/// </summary>
public sealed class SharedSnapshot(string id, string source, bool fromNode, DateTimeOffset createdAt, DateTimeOffset? expiresAt, DateTimeOffset countersAt, IReadOnlyList<RuleSet> families)
    : FrozenSource(id, source, [.. families.OrderBy(f => f.Family).Select(f => FamilyRules.WithOwnCounters(f, KubeProxyAnalyzer.Analyze(f), countersAt))])
{
    /// <summary>The node name of a snapshot made from a dump body.</summary>
    public const string Uploaded = "uploaded";

    public string Id { get; } = id;

    /// <summary>The node the rules came from, or <see cref="Uploaded"/>; untrusted.</summary>
    public string Source { get; } = source;

    public bool FromNode { get; } = fromNode;
    public DateTimeOffset CreatedAt { get; } = createdAt;
    public DateTimeOffset? ExpiresAt { get; } = expiresAt;
    public DateTimeOffset CountersAt { get; } = countersAt;

    public IReadOnlyList<FamilyRules> Families => Node(Source)!.Families;

    public override IReadOnlyList<NodeSummary> Nodes() =>
    [
        new NodeSummary(Source, Connected: false, LastSeen: CountersAt, Families[0].Rules.Backend, Families.Any(f => f.Family == IpFamily.IPv4), Families.Any(f => f.Family == IpFamily.IPv6), Families.Sum(f => f.Rules.RuleCount), SyncDuration: null, AgentVersion: null),
    ];
}
