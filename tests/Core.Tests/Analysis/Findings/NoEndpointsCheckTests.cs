using NetView.Core.Analysis;
using static NetView.Core.Tests.Analysis.Findings.FindingTestDumps;

namespace NetView.Core.Tests.Analysis.Findings;

public sealed class NoEndpointsCheckTests
{
    private const string Reject = """
        *filter
        :KUBE-SERVICES - [0:0]
        -A KUBE-SERVICES -d 10.43.40.11/32 -p tcp -m comment --comment "kube-system/metrics-server:https has no endpoints" -m tcp --dport 443 -j REJECT --reject-with icmp-port-unreachable
        COMMIT

        """;

    [Fact]
    public void Check_HasNoEndpointsReject_FiresWithTheRejectAsEvidence()
    {
        var finding = Assert.Single(FindingsOf(Reject));

        Assert.Equal(FindingCodes.NoEndpoints, finding.Code);
        Assert.Equal("kube-system/metrics-server:https", finding.Subject);
        Assert.Contains("10.43.40.11:443/tcp", finding.Message, StringComparison.Ordinal);
        var evidence = Assert.Single(finding.Evidence);
        Assert.Equal(("filter/KUBE-SERVICES#1", 3), (evidence.Rule, evidence.Line));
        Assert.StartsWith("-A KUBE-SERVICES -d 10.43.40.11/32", evidence.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ServicePortWithEndpoints_Quiet()
    {
        Assert.Empty(FindingsOf(ThreeEndpoints("0.33333333349", "0.50000000000"), FindingCodes.NoEndpoints));
    }
}
