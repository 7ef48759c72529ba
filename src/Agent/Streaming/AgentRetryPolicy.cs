using Microsoft.AspNetCore.SignalR.Client;

namespace NetView.Agent.Streaming;

/// <summary>
/// Reconnects forever: SignalR's default policy gives up after 0/2/10/30 s, and an agent must
/// outlive any server outage. Delays grow from one second to <see cref="Cap"/>, jittered.
/// </summary>
internal sealed class AgentRetryPolicy(JitteredBackoff backoff) : IRetryPolicy
{
    public static readonly TimeSpan First = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan Cap = TimeSpan.FromSeconds(30);

    public AgentRetryPolicy(Random random)
        : this(new JitteredBackoff(First, Cap, random))
    {
    }

    public TimeSpan? NextRetryDelay(RetryContext retryContext) => backoff.Delay(retryContext.PreviousRetryCount);
}
