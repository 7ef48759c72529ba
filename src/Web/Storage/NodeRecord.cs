namespace NetView.Web.Storage;

/// <summary>A node as last seen by the server; kept across restarts so the node list survives.</summary>
internal sealed class NodeRecord
{
    public required string Name { get; set; }
    public string? Backend { get; set; }
    public string? AgentVersion { get; set; }
    public long FirstSeenMs { get; set; }
    public long LastSeenMs { get; set; }
    public double? IntervalSeconds { get; set; }
}
