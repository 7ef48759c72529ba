using NetView.Core.Wire;

namespace NetView.Web.Api;

/// <summary>
/// One entry of <c>GET /api/nodes</c>: the contract's <c>name, connected, lastSeen, backend,
/// family, rules, agentVersion</c> (<c>family</c> is the first family, IPv4 before IPv6), then
/// extensions.
/// </summary>
internal sealed record NodeDocument(
    string Name,
    bool Connected,
    DateTimeOffset LastSeen,
    string? Backend,
    string? Family,
    int Rules,
    string? AgentVersion,
    IReadOnlyList<FamilyDocument> Families,
    DateTimeOffset FirstSeen,
    double? IntervalSeconds,
    double? ReadMilliseconds,
    bool MixedBackends,
    string? Warning,
    string? Problem,
    DateTimeOffset? LastRuleChange,
    int RuleChanges,
    KubeProxyFigures? KubeProxy,
    long Rejections,
    string? LastRejection);
