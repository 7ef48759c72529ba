namespace NetView.Web.ViewModels;

/// <summary>A node as the overview lists it: its agent's state and what it last sent. Names are untrusted text.</summary>
public sealed record NodeSummary(
    string Name,
    bool Connected,
    DateTimeOffset? LastSeen,
    string? Backend,
    bool HasIPv4,
    bool HasIPv6,
    int Rules,
    TimeSpan? SyncDuration,
    string? AgentVersion);
