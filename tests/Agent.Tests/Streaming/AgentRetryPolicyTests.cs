using Microsoft.AspNetCore.SignalR.Client;
using NetView.Agent.Streaming;

namespace NetView.Agent.Tests.Streaming;

public sealed class AgentRetryPolicyTests
{
    private static TimeSpan? Next(AgentRetryPolicy policy, long previousRetries) =>
        policy.NextRetryDelay(new RetryContext { PreviousRetryCount = previousRetries, ElapsedTime = TimeSpan.FromHours(previousRetries), RetryReason = new IOException("server gone") });

    [Fact]
    public void NextRetryDelay_AfterHoursOfFailures_StillRetriesWithinCap()
    {
        var policy = new AgentRetryPolicy(new Random(1));

        var delays = Enumerable.Range(0, 1000).Select(retries => Next(policy, retries)).ToList();

        Assert.All(delays, delay => Assert.NotNull(delay));
        Assert.All(delays, delay => Assert.InRange(delay!.Value, TimeSpan.FromSeconds(0.5), AgentRetryPolicy.Cap));
    }

    [Fact]
    public void NextRetryDelay_Growing_DoublesUntilCapWithHalfJitter()
    {
        var policy = new AgentRetryPolicy(new Random(2));

        Assert.InRange(Next(policy, 0)!.Value, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1));
        Assert.InRange(Next(policy, 1)!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        Assert.InRange(Next(policy, 3)!.Value, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8));
        Assert.InRange(Next(policy, 20)!.Value, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Delay_ManyAgents_Spread()
    {
        var random = new Random(3);
        var delays = Enumerable.Range(0, 200).Select(_ => new JitteredBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), random).Delay(10)).ToList();

        Assert.True(delays.Max() - delays.Min() > TimeSpan.FromSeconds(10));
    }
}
