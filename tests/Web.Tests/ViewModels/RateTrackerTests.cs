using NetView.Web.ViewModels;

namespace NetView.Web.Tests.ViewModels;

public sealed class RateTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Observe_TwoReadings_GivesPerSecondRateAndDelta()
    {
        var tracker = new RateTracker<string>();

        tracker.Observe("sep-a", T0, 100);
        tracker.Observe("sep-a", T0.AddSeconds(2), 160);

        Assert.Equal(30.0, tracker.Rate("sep-a"));
        Assert.Equal(60, tracker.LastDelta("sep-a"));
    }

    [Fact]
    public void Observe_OneReading_HasNoRateYet()
    {
        var tracker = new RateTracker<string>();

        tracker.Observe("sep-a", T0, 100);

        Assert.Null(tracker.Rate("sep-a"));
        Assert.Empty(tracker.Samples("sep-a"));
    }

    [Fact]
    public void Observe_CounterWentDown_RestartsInsteadOfNegativeRate()
    {
        var tracker = new RateTracker<string>();
        tracker.Observe("sep-a", T0, 100);
        tracker.Observe("sep-a", T0.AddSeconds(1), 110);

        tracker.Observe("sep-a", T0.AddSeconds(2), 3);
        tracker.Observe("sep-a", T0.AddSeconds(3), 8);

        Assert.Equal([5.0], tracker.Samples("sep-a").Select(s => s.PerSecond));
    }

    [Fact]
    public void Observe_SameTimestampAgain_IsIgnored()
    {
        var tracker = new RateTracker<string>();
        tracker.Observe("sep-a", T0, 100);
        tracker.Observe("sep-a", T0.AddSeconds(1), 110);

        tracker.Observe("sep-a", T0.AddSeconds(1), 500);

        Assert.Equal(10.0, tracker.Rate("sep-a"));
    }

    [Fact]
    public void Observe_PastCapacityAndKeyLimit_StaysBounded()
    {
        var tracker = new RateTracker<int>(capacity: 3, maxKeys: 2);

        for (var i = 0; i < 10; i++)
        {
            tracker.Observe(1, T0.AddSeconds(i), i * 10);
            tracker.Observe(2, T0.AddSeconds(i), i);
            tracker.Observe(3, T0.AddSeconds(i), i);
        }

        Assert.Equal(2, tracker.Count);
        Assert.Equal(3, tracker.Samples(1).Count);
        Assert.Equal(T0.AddSeconds(9), tracker.Samples(1)[^1].At);
        Assert.Empty(tracker.Samples(3));
    }
}
