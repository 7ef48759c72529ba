using NetView.Core.Iptables;
using NetView.Core.Wire;

namespace NetView.Web.Ingestion;

/// <summary>
/// A node as the dashboard and <c>/api/nodes</c> show it: agent connection, what it reads and how
/// often, its rule counts, kube-proxy's own sync figures, and the last frame the server refused.
/// An immutable copy; ask <see cref="ClusterState"/> again after a change.
/// </summary>
/// <param name="Interval">The agent's effective interval (it grows when reading the rules is slow).</param>
/// <param name="ReadTime">How long the agent's last iptables-save took.</param>
/// <param name="LastRuleChange">When a rule set of this node last changed (a kube-proxy sync that changed rules).</param>
/// <param name="Problem">The agent's last report that it cannot read its rules; null when fine.</param>
public sealed record NodeStatus(
    string Name,
    bool Connected,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    string? Backend,
    string? AgentVersion,
    IReadOnlyList<FamilyStatus> Families,
    TimeSpan? Interval,
    TimeSpan? ReadTime,
    bool MixedBackends,
    string? Warning,
    string? Problem,
    DateTimeOffset? LastRuleChange,
    int RuleChanges,
    KubeProxyFigures? KubeProxy,
    long Rejections,
    string? LastRejection)
{
    /// <summary>Rules over all families.</summary>
    public int Rules => Families.Sum(f => f.Rules);
}
