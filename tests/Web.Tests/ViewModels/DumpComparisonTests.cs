using Bunit;
using NetView.Web.Components.Pages;
using NetView.Web.Tests.Shared;
using NetView.Web.ViewModels;

namespace NetView.Web.Tests.ViewModels;

public sealed class DumpComparisonTests : DashboardContext
{
    private const string Old = """
        *nat
        :KUBE-SERVICES - [0:0]
        :KUBE-SVC-AAAAAAAAAAAAAAAA - [0:0]
        :KUBE-SEP-BBBBBBBBBBBBBBBB - [0:0]
        -A KUBE-SERVICES -d 10.96.0.20/32 -p tcp -m comment --comment "shop/web:http cluster IP" -m tcp --dport 80 -j KUBE-SVC-AAAAAAAAAAAAAAAA
        -A KUBE-SVC-AAAAAAAAAAAAAAAA -m comment --comment "shop/web:http -> 10.244.1.10:8080" -j KUBE-SEP-BBBBBBBBBBBBBBBB
        -A KUBE-SEP-BBBBBBBBBBBBBBBB -p tcp -m comment --comment "shop/web:http" -m tcp -j DNAT --to-destination 10.244.1.10:8080
        COMMIT
        """;

    private const string New = """
        *nat
        :KUBE-SERVICES - [0:0]
        :KUBE-SVC-AAAAAAAAAAAAAAAA - [0:0]
        :KUBE-SEP-BBBBBBBBBBBBBBBB - [0:0]
        :KUBE-SEP-CCCCCCCCCCCCCCCC - [0:0]
        -A KUBE-SERVICES -d 10.96.0.20/32 -p tcp -m comment --comment "shop/web:http cluster IP" -m tcp --dport 80 -j KUBE-SVC-AAAAAAAAAAAAAAAA
        -A KUBE-SVC-AAAAAAAAAAAAAAAA -m comment --comment "shop/web:http -> 10.244.1.10:8080" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-BBBBBBBBBBBBBBBB
        -A KUBE-SVC-AAAAAAAAAAAAAAAA -m comment --comment "shop/web:http -> 10.244.2.10:8080" -j KUBE-SEP-CCCCCCCCCCCCCCCC
        -A KUBE-SEP-BBBBBBBBBBBBBBBB -p tcp -m comment --comment "shop/web:http" -m tcp -j DNAT --to-destination 10.244.1.10:8080
        -A KUBE-SEP-CCCCCCCCCCCCCCCC -p tcp -m comment --comment "shop/web:http" -m tcp -j DNAT --to-destination 10.244.2.10:8080
        COMMIT
        """;

    [Fact]
    public void Compare_EndpointAdded_ToldAsAMeaningChangeAndRuleCounts()
    {
        var comparison = DumpComparison.Compare(Old, New, 1 << 20);

        Assert.Null(comparison.Error);
        var difference = comparison.Difference!;
        Assert.Contains(difference.Changes, c => c.Subject == "shop/web:http" && c.Kind == "endpointAdded" && c.Message.Contains("10.244.2.10:8080", StringComparison.Ordinal));
        Assert.Contains(comparison.ChangedChains, c => c.Chain == "KUBE-SVC-AAAAAAAAAAAAAAAA" && c.Old == 1 && c.New == 2);
        Assert.Contains(difference.Added, r => r.Chain == "KUBE-SEP-CCCCCCCCCCCCCCCC");
    }

    [Fact]
    public void Compare_NewSideNotADump_ErrorNamesSideAndLine()
    {
        var comparison = DumpComparison.Compare(Old, "\0\u0001\u0002 binary", 1 << 20);

        Assert.Null(comparison.Difference);
        Assert.StartsWith("The new dump, line 1:", comparison.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_OverLimit_Refused()
    {
        var comparison = DumpComparison.Compare(Old, New, 100);

        Assert.Equal("The old dump is larger than the limit of 100 bytes.", comparison.Error);
    }

    [Fact]
    public void DiffPage_TwoDumpsPasted_ShowsTheChange()
    {
        var page = Render<Diff>();

        page.Find("#diff-old").Change(Old);
        page.Find("#diff-new").Change(New.Replace("shop/web:http -> 10.244.2.10:8080", "<img src=x onerror=alert(1)>", StringComparison.Ordinal));
        page.Find("[data-testid=diff-run] ").Click();

        var result = page.Find("[data-testid=diff-result]");
        Assert.Contains("KUBE-SEP-CCCCCCCCCCCCCCCC", result.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("img[src=x]"));
    }
}
