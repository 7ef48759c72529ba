using NetView.Core.Analysis;

namespace NetView.Core.Tests.Analysis;

public sealed class ProbabilityCascadeTests
{
    [Fact]
    public void Evaluate_Kube111FiveDecimalLadder_PrintedSharesExactly()
    {
        var cascade = ProbabilityCascade.Evaluate([0.33332999982m, 0.50000000000m, null]);

        Assert.Equal([0.33332999982m, 0.33333500009m, 0.33333500009m], cascade.Shares);
        Assert.Equal(0m, cascade.FallThrough);
    }

    [Fact]
    public void Evaluate_SixEndpointLadder_SharesToElevenDecimals()
    {
        var cascade = ProbabilityCascade.Evaluate([0.16666666651m, 0.20000000019m, 0.25000000000m, 0.33333333349m, 0.50000000000m, null]);

        var rounded = cascade.Shares.Select(s => Math.Round(s, 11)).ToArray();
        Assert.Equal([0.16666666651m, 0.16666666686m, 0.16666666666m, 0.16666666674m, 0.16666666662m, 0.16666666662m], rounded);
        Assert.Equal(1.00000000001m, rounded.Sum());
    }

    [Fact]
    public void Evaluate_LastRuleWithProbability_RestFallsThrough()
    {
        var cascade = ProbabilityCascade.Evaluate([0.5m, 0.5m]);

        Assert.Equal([0.5m, 0.25m], cascade.Shares);
        Assert.Equal(0.25m, cascade.FallThrough);
    }

    [Fact]
    public void Evaluate_UnconditionalRuleInTheMiddle_LaterRulesGetNothing()
    {
        var cascade = ProbabilityCascade.Evaluate([null, 0.5m, null]);

        Assert.Equal([1m, 0m, 0m], cascade.Shares);
    }

    [Theory]
    [InlineData("0.33333333349", "0.33333333349")]
    [InlineData("1", "1")]
    [InlineData("1.5", null)]
    [InlineData("-0.1", null)]
    [InlineData("half", null)]
    public void Parse_PrintedValue_DecimalOrNull(string printed, string? expected)
    {
        Assert.Equal(expected is null ? null : decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ProbabilityCascade.Parse(printed));
    }
}
