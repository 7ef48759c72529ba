using NetView.Core.KubeProxy.Simulation;

namespace NetView.Core.Tests.KubeProxy.Simulation;

public sealed class StatisticProbabilityTests
{
    // Fixture 14's six-endpoint ladder, and fixture 03's two-endpoint rule, as iptables-save printed them.
    [Theory]
    [InlineData(6, "0.1666666667", "0.16666666651")]
    [InlineData(5, "0.2000000000", "0.20000000019")]
    [InlineData(4, "0.2500000000", "0.25000000000")]
    [InlineData(3, "0.3333333333", "0.33333333349")]
    [InlineData(2, "0.5000000000", "0.50000000000")]
    public void SavedForRemaining_RealLadder_MatchesIptablesSave(int remaining, string written, string saved)
    {
        Assert.Equal(written, StatisticProbability.Written(remaining));
        Assert.Equal(saved, StatisticProbability.SavedForRemaining(remaining));
    }

    [Fact]
    public void Saved_KernelFractionOfSeven_IsExactDecimalRoundedTo11Places()
    {
        var fraction = StatisticProbability.KernelFraction("0.1428571429");

        Assert.Equal(306783378u, fraction);
        Assert.Equal("0.14285714272", StatisticProbability.Saved(fraction));
    }
}
