using NetView.Agent.Collect;

namespace NetView.Agent.Tests.Collect;

public sealed class IntervalGovernorTests
{
    [Fact]
    public void Record_FastReads_ConfiguredInterval()
    {
        var governor = new IntervalGovernor(TimeSpan.FromSeconds(1));

        governor.Record(TimeSpan.FromMilliseconds(30));

        Assert.Equal(TimeSpan.FromSeconds(1), governor.Effective);
        Assert.Equal(TimeSpan.FromMinutes(2), governor.Timeout);
    }

    [Fact]
    public void Record_SlowNfTablesRead_IntervalFiveTimesTheReadAndTimeoutRoomy()
    {
        var governor = new IntervalGovernor(TimeSpan.FromSeconds(1));

        governor.Record(TimeSpan.FromSeconds(7.4));

        Assert.Equal(TimeSpan.FromSeconds(37), governor.Effective);
        Assert.Equal(TimeSpan.FromMinutes(2), governor.Timeout);
    }

    [Fact]
    public void Record_ReadsGetFastAgain_IntervalShrinksBack()
    {
        var governor = new IntervalGovernor(TimeSpan.FromSeconds(1));
        governor.Record(TimeSpan.FromSeconds(2));

        for (var i = 0; i < 30; i++)
        {
            governor.Record(TimeSpan.FromMilliseconds(20));
        }

        Assert.Equal(TimeSpan.FromSeconds(1), governor.Effective);
    }

    [Fact]
    public void Record_HugeRead_CappedAtFiveMinutes()
    {
        var governor = new IntervalGovernor(TimeSpan.FromSeconds(1));

        governor.Record(TimeSpan.FromSeconds(77));

        Assert.Equal(TimeSpan.FromMinutes(5), governor.Effective);
        Assert.Equal(TimeSpan.FromSeconds(308), governor.Timeout);
    }
}
