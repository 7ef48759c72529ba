using NetView.Core.Analysis;

namespace NetView.Core.Tests.Analysis;

public sealed class ChiSquareTests
{
    // Reference values from closed forms: one degree of freedom is erfc(√(x/2)), two are e^(−x/2),
    // three are erfc(√(x/2)) + √(2x/π)·e^(−x/2), and the classic table's critical values.
    [Theory]
    [InlineData(3.841458820694124, 1, 0.05000000000000008)]
    [InlineData(10.827566170662733, 1, 0.0010000000000000002)]
    [InlineData(0.5, 1, 0.4795001221869535)]
    [InlineData(50.0, 1, 1.5374597944280351e-12)]
    [InlineData(60.0, 1, 9.485737571073843e-15)]
    [InlineData(5.991464547107979, 2, 0.05)]
    [InlineData(55.262042231857095, 2, 1e-12)]
    [InlineData(7.814727903251178, 3, 0.050000000000000044)]
    [InlineData(2.0, 3, 0.5724067044708798)]
    [InlineData(65.0, 3, 5.016025768896242e-14)]
    [InlineData(23.209251158954356, 10, 0.01)]
    public void UpperTail_KnownValues_MatchToTenDigits(double statistic, int degreesOfFreedom, double expected)
    {
        var p = ChiSquare.UpperTail(statistic, degreesOfFreedom);

        Assert.Equal(1.0, p / expected, 1e-10);
    }

    [Fact]
    public void UpperTail_ZeroStatistic_IsOne()
    {
        Assert.Equal(1.0, ChiSquare.UpperTail(0, 4));
    }

    [Fact]
    public void Test_ThreeEndpointsNearEven_GivesStatisticTwoAndTwoDegrees()
    {
        var result = ChiSquare.Test([90, 110, 100], [1 / 3.0, 1 / 3.0, 1 / 3.0]);

        Assert.Equal(2.0, result.Statistic, 1e-12);
        Assert.Equal(2, result.DegreesOfFreedom);
        Assert.Equal(0.36787944117144233, result.PValue, 1e-12);
        Assert.Equal(300, result.Samples);
        Assert.Equal(100, result.MinimumExpected, 1e-9);
    }

    [Fact]
    public void Test_SharesNotNormalised_AreNormalised()
    {
        var result = ChiSquare.Test([60, 140], [1, 1]);

        Assert.Equal(32.0, result.Statistic, 1e-12);
        Assert.Equal(1.0, result.PValue / 1.541725790028002e-08, 1e-9);
    }

    [Fact]
    public void Test_CountsWhereShareIsZero_AreImpossible()
    {
        var result = ChiSquare.Test([50, 50, 3], [0.5, 0.5, 0]);

        Assert.True(double.IsPositiveInfinity(result.Statistic));
        Assert.Equal(0, result.PValue);
        Assert.Equal(1, result.DegreesOfFreedom);
    }

    [Fact]
    public void Test_MismatchedLengths_Throws()
    {
        Assert.Throws<ArgumentException>(() => ChiSquare.Test([1, 2], [1.0]));
    }

    [Fact]
    public void Judge_EvenSplit_IsWithinChance()
    {
        var verdict = SplitVerdict.Judge([98, 104, 98], [1 / 3.0, 1 / 3.0, 1 / 3.0]);

        Assert.Equal(SplitVerdictKind.WithinChance, verdict.Kind);
        Assert.Equal("within what chance gives", verdict.KindText);
        Assert.Contains(verdict.Explanations, e => e.Contains("keep-alive", StringComparison.Ordinal));
    }

    [Fact]
    public void Judge_SkewedSplitWithAffinity_IsBeyondChanceAndNamesAffinity()
    {
        var verdict = SplitVerdict.Judge([250, 30, 20], [1 / 3.0, 1 / 3.0, 1 / 3.0], new SplitConditions(AffinitySeconds: 10800));

        Assert.Equal(SplitVerdictKind.SkewedBeyondChance, verdict.Kind);
        Assert.StartsWith("skewed beyond chance", verdict.Summary, StringComparison.Ordinal);
        Assert.Contains(verdict.Explanations, e => e.Contains("Session affinity (ClientIP, 10800 s)", StringComparison.Ordinal));
    }

    [Fact]
    public void Judge_SkewedSplitWithLocalPolicy_NamesLocalPolicy()
    {
        var verdict = SplitVerdict.Judge([500, 0], [0.5, 0.5], new SplitConditions(LocalTrafficPolicy: true));

        Assert.Equal(SplitVerdictKind.SkewedBeyondChance, verdict.Kind);
        Assert.Contains(verdict.Explanations, e => e.StartsWith("Traffic policy Local", StringComparison.Ordinal));
    }

    [Fact]
    public void Judge_FewConnections_IsTooFewSamples()
    {
        var verdict = SplitVerdict.Judge([7, 0, 0], [1 / 3.0, 1 / 3.0, 1 / 3.0]);

        Assert.Equal(SplitVerdictKind.TooFewSamples, verdict.Kind);
        Assert.Single(verdict.Explanations);
        Assert.StartsWith("Few samples", verdict.Explanations[0], StringComparison.Ordinal);
    }
}
