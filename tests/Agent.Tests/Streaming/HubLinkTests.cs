using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using NetView.Agent.Streaming;

namespace NetView.Agent.Tests.Streaming;

public sealed class HubLinkTests
{
    [Fact]
    public async Task KeepConnectedAsync_ServerAbsent_RetriesOnlyAsTheClockAdvances()
    {
        // A port that was just free: connecting is refused at once, no real timeout is involved.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-27T01:00:00Z"));
        var attempts = new SemaphoreSlim(0);
        var log = new AgentLog(TextWriter.Null, clock) { Written = message => { if (message.StartsWith("cannot reach")) attempts.Release(); } };
        using var stop = new CancellationTokenSource();
        await using var link = new HubLink(new Uri($"http://127.0.0.1:{port}"), "token", clock, new Random(1), log, () => { });

        var running = link.KeepConnectedAsync(stop.Token);
        Assert.True(await attempts.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, link.FailedAttempts);

        // The first backoff is between half a second and a second of the clock, however long the test runs.
        var before = clock.GetUtcNow();
        var steps = 0;
        while (!await attempts.WaitAsync(TimeSpan.FromMilliseconds(20)) && steps++ < 1000)
        {
            clock.Advance(TimeSpan.FromMilliseconds(50));
        }

        Assert.Equal(2, link.FailedAttempts);
        Assert.InRange(clock.GetUtcNow() - before, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1.05));
        Assert.False(link.IsConnected);

        stop.Cancel();
        await running;
    }
}
