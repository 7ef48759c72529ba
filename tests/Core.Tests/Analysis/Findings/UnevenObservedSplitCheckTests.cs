using NetView.Core.Analysis;
using static NetView.Core.Tests.Analysis.Findings.FindingTestDumps;

namespace NetView.Core.Tests.Analysis.Findings;

public sealed class UnevenObservedSplitCheckTests
{
    private static string TwoEndpoints(long first, long second) => $"""
        *nat
        :PREROUTING ACCEPT [0:0]
        :KUBE-SERVICES - [0:0]
        :KUBE-SVC-WEBWEBWEBWEBWEBW - [0:0]
        :KUBE-SEP-AAAAAAAAAAAAAAAA - [0:0]
        :KUBE-SEP-BBBBBBBBBBBBBBBB - [0:0]
        [{first + second}:0] -A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
        [{first + second}:0] -A KUBE-SERVICES -d 10.96.0.10/32 -p tcp -m comment --comment "default/web:http cluster IP" -m tcp --dport 80 -j KUBE-SVC-WEBWEBWEBWEBWEBW
        [{first}:0] -A KUBE-SVC-WEBWEBWEBWEBWEBW -m comment --comment "default/web:http -> 10.244.1.4:8080" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-AAAAAAAAAAAAAAAA
        [{second}:0] -A KUBE-SVC-WEBWEBWEBWEBWEBW -m comment --comment "default/web:http -> 10.244.1.5:8080" -j KUBE-SEP-BBBBBBBBBBBBBBBB
        [{first}:{first * 60}] -A KUBE-SEP-AAAAAAAAAAAAAAAA -p tcp -m comment --comment "default/web:http" -m tcp -j DNAT --to-destination 10.244.1.4:8080
        [{second}:{second * 60}] -A KUBE-SEP-BBBBBBBBBBBBBBBB -p tcp -m comment --comment "default/web:http" -m tcp -j DNAT --to-destination 10.244.1.5:8080
        COMMIT
        """;

    [Fact]
    public void Check_NineToOneOverHalves_FiresWithCountsAndDnatRules()
    {
        var finding = Assert.Single(FindingsOf(TwoEndpoints(900, 100), FindingCodes.UnevenObservedSplit));

        Assert.Equal("default/web:http", finding.Subject);
        Assert.Contains("skewed beyond chance", finding.Message, StringComparison.Ordinal);
        Assert.Contains("10.244.1.4:8080 900 (90%, expected 50%)", finding.Message, StringComparison.Ordinal);
        Assert.Equal(["nat/KUBE-SEP-AAAAAAAAAAAAAAAA#1", "nat/KUBE-SEP-BBBBBBBBBBBBBBBB#1"], finding.Evidence.Select(e => e.Rule));
        Assert.Contains("keep-alive", finding.NextStep, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SplitWithinChance_Quiet()
    {
        Assert.Empty(FindingsOf(TwoEndpoints(510, 490), FindingCodes.UnevenObservedSplit));
    }

    [Fact]
    public void Check_TooFewConnections_Quiet()
    {
        Assert.Empty(FindingsOf(TwoEndpoints(4, 0), FindingCodes.UnevenObservedSplit));
    }
}
