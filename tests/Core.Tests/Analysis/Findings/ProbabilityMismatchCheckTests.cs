using NetView.Core.Analysis;
using static NetView.Core.Tests.Analysis.Findings.FindingTestDumps;

namespace NetView.Core.Tests.Analysis.Findings;

public sealed class ProbabilityMismatchCheckTests
{
    [Theory]
    [InlineData("0.33333333349", "0.50000000000")]
    [InlineData("0.33332999982", "0.50000000000")]
    public void Check_KubeProxyLadderAsIptablesPrintsIt_Quiet(string p1, string p2)
    {
        Assert.Empty(FindingsOf(ThreeEndpoints(p1, p2), FindingCodes.ProbabilityMismatch));
    }

    [Fact]
    public void Check_StaleTwoEndpointLadderOverThree_FiresWithShares()
    {
        var finding = Assert.Single(FindingsOf(ThreeEndpoints("0.50000000000", "0.50000000000"), FindingCodes.ProbabilityMismatch));

        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal("nat/KUBE-SVC-TYE23RAXJNHAJ33G", finding.Subject);
        Assert.Contains("50 % / 25 % / 25 %", finding.Message, StringComparison.Ordinal);
        Assert.Equal("nat/KUBE-SVC-TYE23RAXJNHAJ33G#1", Assert.Single(finding.Evidence).Rule);
    }

    [Fact]
    public void Check_SkewBeyondPrinting_Fires()
    {
        // 1e-6 off: more than iptables' fixed point explains for a ten-decimal ladder.
        Assert.Single(FindingsOf(ThreeEndpoints("0.33333433333", "0.50000000000"), FindingCodes.ProbabilityMismatch));
    }

    [Fact]
    public void Check_LastRuleWithProbability_FiresWithFallThrough()
    {
        var finding = Assert.Single(FindingsOf(
            ThreeEndpoints("0.33333333349", "0.50000000000", "-m statistic --mode random --probability 0.50000000000 "), FindingCodes.ProbabilityMismatch));

        Assert.Contains("fall through", finding.Message, StringComparison.Ordinal);
        Assert.Equal("nat/KUBE-SVC-TYE23RAXJNHAJ33G#3", Assert.Single(finding.Evidence).Rule);
    }
}
