using NetView.Core.Analysis;
using NetView.Core.Tests.Tracing;
using static NetView.Core.Tests.Analysis.Findings.FindingTestDumps;

namespace NetView.Core.Tests.Analysis.Findings;

/// <summary>The findings decided by tracing: shadowed, unreachable, masqueraded, source-range-restricted service ports.</summary>
public sealed class TracedFindingTests
{
    private const string FirstForwardRule =
        "-A FORWARD -m conntrack --ctstate NEW -m comment --comment \"kubernetes load balancer firewall\" -j KUBE-PROXY-FIREWALL";

    private static string WithFirstForwardRule(string rule) =>
        NodeDump.Text.Replace(FirstForwardRule, rule + "\n" + FirstForwardRule, StringComparison.Ordinal);

    [Fact]
    public void ShadowedService_ForwardRejectBeforeKubeProxy_FiresOnceWithTheRule()
    {
        var findings = FindingsOf(WithFirstForwardRule("-A FORWARD -s 10.244.0.0/16 -j REJECT --reject-with icmp-host-prohibited"), FindingCodes.ShadowedService);

        var finding = Assert.Single(findings);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal("filter/FORWARD#1", finding.Subject);
        Assert.Contains("rejects service traffic before kube-proxy decides: default/web:http from a pod to 10.96.0.10:80 (100% of connections)", finding.Message, StringComparison.Ordinal);
        Assert.Equal("-A FORWARD -s 10.244.0.0/16 -j REJECT --reject-with icmp-host-prohibited", Assert.Single(finding.Evidence).Text);
    }

    [Fact]
    public void ShadowedService_RateLimitThenDrop_NamesTheRateLimit()
    {
        var dump = WithFirstForwardRule("-A FORWARD -p tcp -m limit --limit 100/sec -j ACCEPT\n-A FORWARD -p tcp -m tcp --dport 8080 -j DROP");

        var findings = FindingsOf(dump, FindingCodes.ShadowedService);

        Assert.Contains(findings, f => f.Subject == "filter/FORWARD#2" && f.Message.Contains("when over a rate limit", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Subject == "filter/FORWARD#1" && f.Message.Contains("skipping kube-proxy's filter chains", StringComparison.Ordinal));
    }

    [Fact]
    public void ShadowedService_KubeProxyRulesOnly_Quiet()
    {
        Assert.Empty(FindingsOf(NodeDump.Text, FindingCodes.ShadowedService));
    }

    [Fact]
    public void ServiceUnreachable_KubeServicesEntryIntercepted_Fires()
    {
        var dump = NodeDump.Text.Replace(
            "-A KUBE-SERVICES -d 10.96.0.10/32 -p tcp -m comment --comment \"default/web:http cluster IP\"",
            "-A KUBE-SERVICES -d 10.96.0.10/32 -p tcp -m tcp --dport 80 -j RETURN\n-A KUBE-SERVICES -d 10.96.0.10/32 -p tcp -m comment --comment \"default/web:http cluster IP\"",
            StringComparison.Ordinal);

        var finding = Assert.Single(FindingsOf(dump, FindingCodes.ServiceUnreachable));

        Assert.Equal("default/web:http", finding.Subject);
        Assert.Contains("reaches none of them", finding.Message, StringComparison.Ordinal);
        Assert.NotEmpty(finding.Evidence);
    }

    [Fact]
    public void ServiceUnreachable_EveryServiceRouted_Quiet()
    {
        Assert.Empty(FindingsOf(NodeDump.Text, FindingCodes.ServiceUnreachable));
    }

    [Fact]
    public void SourceNotPreserved_ClusterPolicyNodePort_FiresWithMasqueradeRules()
    {
        var finding = Assert.Single(FindingsOf(NodeDump.Text, FindingCodes.SourceNotPreserved), f => f.Subject == "default/web:http");

        Assert.Contains("from outside through NodePort 30080 (100% of them) are masqueraded", finding.Message, StringComparison.Ordinal);
        Assert.Contains("externalTrafficPolicy: Cluster", finding.Message, StringComparison.Ordinal);
        Assert.Contains(finding.Evidence, e => e.Rule == "nat/KUBE-EXT-WEBHTTP00000000#1");
        Assert.Contains(finding.Evidence, e => e.Rule == "nat/KUBE-POSTROUTING#3");
        Assert.StartsWith("To keep client addresses set externalTrafficPolicy: Local", finding.NextStep, StringComparison.Ordinal);
    }

    [Fact]
    public void SourceNotPreserved_LocalPolicyNodePort_Quiet()
    {
        Assert.DoesNotContain(FindingsOf(NodeDump.Text, FindingCodes.SourceNotPreserved), f => f.Subject == "default/local:http");
    }

    [Fact]
    public void LoadBalancerSourceRanges_ClientOutsideRanges_FiresWithTheDrop()
    {
        var finding = Assert.Single(FindingsOf(NodeDump.Text, FindingCodes.LoadBalancerSourceRanges));

        Assert.Equal("default/lb:http", finding.Subject);
        Assert.Contains("admits only clients in 198.51.100.0/24", finding.Message, StringComparison.Ordinal);
        Assert.Equal("filter/KUBE-PROXY-FIREWALL#1", Assert.Single(finding.Evidence).Rule);
    }

    [Fact]
    public void LoadBalancerSourceRanges_NoRanges_Quiet()
    {
        var dump = NodeDump.Text.Replace("-A KUBE-FW-LBHTTP0000000000 -s 198.51.100.0/24", "-A KUBE-FW-LBHTTP0000000000", StringComparison.Ordinal);

        Assert.Empty(FindingsOf(dump, FindingCodes.LoadBalancerSourceRanges));
    }
}
