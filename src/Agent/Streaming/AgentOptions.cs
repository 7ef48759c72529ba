namespace NetView.Agent.Streaming;

/// <summary>What <c>netview-agent run</c> was told: flags first, then <c>NETVIEW_*</c>/<c>NODE_NAME</c>, then defaults.</summary>
internal sealed record AgentOptions(Uri Server, string Token, string Node, TimeSpan Interval)
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(1);
}
