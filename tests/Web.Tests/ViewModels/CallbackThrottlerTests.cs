using Microsoft.Extensions.Time.Testing;
using NetView.Web.ViewModels;

namespace NetView.Web.Tests.ViewModels;

public sealed class CallbackThrottlerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    [Fact]
    public void Signal_FirstAfterQuiet_RunsAtOnce()
    {
        var clock = new FakeTimeProvider();
        var runs = 0;
        using var throttler = new CallbackThrottler(() => { runs++; return Task.CompletedTask; }, Interval, clock);

        throttler.Signal();

        Assert.Equal(1, runs);
    }

    [Fact]
    public void Signal_BurstWithinInterval_FoldsIntoOneTrailingRun()
    {
        var clock = new FakeTimeProvider();
        var runs = 0;
        using var throttler = new CallbackThrottler(() => { runs++; return Task.CompletedTask; }, Interval, clock);

        throttler.Signal();
        for (var i = 0; i < 50; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(2));
            throttler.Signal();
        }

        Assert.Equal(1, runs);
        clock.Advance(Interval);
        Assert.Equal(2, runs);
        clock.Advance(Interval * 4);
        Assert.Equal(2, runs);
    }

    [Fact]
    public void Signal_SteadyStreamFor10Seconds_RunsAtMostFourTimesPerSecond()
    {
        var clock = new FakeTimeProvider();
        var runs = 0;
        using var throttler = new CallbackThrottler(() => { runs++; return Task.CompletedTask; }, Interval, clock);

        for (var i = 0; i < 1000; i++)
        {
            throttler.Signal();
            clock.Advance(TimeSpan.FromMilliseconds(10));
        }

        Assert.InRange(runs, 39, 41);
    }

    [Fact]
    public async Task Signal_WhileCallbackRuns_RunsAgainAfterIt()
    {
        var clock = new FakeTimeProvider();
        var runs = 0;
        var gate = new TaskCompletionSource();
        using var throttler = new CallbackThrottler(
            async () =>
            {
                runs++;
                if (runs == 1)
                {
                    await gate.Task;
                }
            },
            Interval,
            clock);

        throttler.Signal();
        throttler.Signal();
        Assert.Equal(1, runs);

        gate.SetResult();
        await Task.Yield();
        clock.Advance(Interval);

        Assert.Equal(2, runs);
    }

    [Fact]
    public void Signal_AfterDispose_DoesNotRun()
    {
        var clock = new FakeTimeProvider();
        var runs = 0;
        var throttler = new CallbackThrottler(() => { runs++; return Task.CompletedTask; }, Interval, clock);
        throttler.Signal();
        throttler.Signal();

        throttler.Dispose();
        clock.Advance(Interval * 2);
        throttler.Signal();

        Assert.Equal(1, runs);
    }
}
