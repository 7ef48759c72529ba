using Bunit;
using NetView.Web.Components.Pages;
using NetView.Web.Tests.Shared;

namespace NetView.Web.Tests.Components;

public sealed class NodePageTests : DashboardContext
{
    private const string Dump = """
        *nat
        :PREROUTING ACCEPT [0:0]
        :KUBE-SERVICES - [0:0]
        :KUBE-SVC-AAAAAAAAAAAAAAAA - [0:0]
        :KUBE-SVC-BBBBBBBBBBBBBBBB - [0:0]
        :KUBE-SEP-CCCCCCCCCCCCCCCC - [0:0]
        [50:3000] -A PREROUTING -m comment --comment "<script>alert(1)</script>" -j KUBE-SERVICES
        [40:2400] -A KUBE-SERVICES -d 10.96.0.1/32 -p tcp -m comment --comment "<img src=x onerror=alert(1)>" -m tcp --dport 443 -j KUBE-SVC-AAAAAAAAAAAAAAAA
        [0:0] -A KUBE-SERVICES -d 10.96.0.2/32 -p tcp -m tcp --dport 80 -j KUBE-SVC-BBBBBBBBBBBBBBBB
        [40:2400] -A KUBE-SVC-AAAAAAAAAAAAAAAA -j KUBE-SEP-CCCCCCCCCCCCCCCC
        [40:2400] -A KUBE-SEP-CCCCCCCCCCCCCCCC -p tcp -m tcp -j DNAT --to-destination 10.244.0.2:6443
        COMMIT
        *filter
        :FORWARD DROP [0:0]
        [9:540] -A FORWARD -j ACCEPT
        COMMIT
        """;

    [Fact]
    public void NodePage_NatTable_DrawsFamilyGroupsAndLabelsCountersAsConnections()
    {
        Live.AddNode("node-a", Dump, Clock.GetUtcNow());
        NavigateTo("/nodes/node-a?table=nat&chain=KUBE-SERVICES");

        var page = Render<NodePage>(p => p.Add(x => x.NodeName, "node-a"));

        Assert.Equal(
            ["PREROUTING", "KUBE-SERVICES", "KUBE-SVC-*", "KUBE-SEP-*"],
            page.FindAll("[data-testid=chain-group]").Select(e => e.GetAttribute("data-group")));
        Assert.Contains("Connections", page.Find("[data-testid=rules-grid] thead").TextContent, StringComparison.Ordinal);
        Assert.Equal(2, page.FindAll("[data-testid=rules-grid] tbody tr.mud-table-row").Count);
    }

    [Fact]
    public void NodePage_FilterTable_LabelsCountersAsPackets()
    {
        Live.AddNode("node-a", Dump, Clock.GetUtcNow());
        NavigateTo("/nodes/node-a?table=filter&chain=FORWARD");

        var page = Render<NodePage>(p => p.Add(x => x.NodeName, "node-a"));

        var header = page.Find("[data-testid=rules-grid] thead").TextContent;
        Assert.Contains("Packets", header, StringComparison.Ordinal);
        Assert.DoesNotContain("Connections", header, StringComparison.Ordinal);
    }

    [Fact]
    public void NodePage_CommentWithMarkup_RendersAsText()
    {
        Live.AddNode("node-a", Dump, Clock.GetUtcNow());
        NavigateTo("/nodes/node-a?table=nat&chain=PREROUTING");

        var page = Render<NodePage>(p => p.Add(x => x.NodeName, "node-a"));

        Assert.Empty(page.FindAll("script"));
        Assert.Empty(page.FindAll("img"));
        Assert.Contains("<script>alert(1)</script>", page.Find("[data-testid=rules-grid] tbody").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void NodePage_CountersGrow_ShowsDeltaAndHighlightsCountingRules()
    {
        Live.AddNode("node-a", Dump, Clock.GetUtcNow());
        NavigateTo("/nodes/node-a?table=nat&chain=KUBE-SERVICES");
        var page = Render<NodePage>(p => p.Add(x => x.NodeName, "node-a"));

        Clock.Advance(TimeSpan.FromSeconds(1));
        Live.AddNode("node-a", Dump.Replace("[40:2400] -A KUBE-SERVICES", "[47:2820] -A KUBE-SERVICES", StringComparison.Ordinal), Clock.GetUtcNow());
        page.InvokeAsync(Live.Change);

        page.WaitForAssertion(() =>
        {
            var rows = page.FindAll("[data-testid=rules-grid] tbody tr.mud-table-row");
            Assert.Contains("nv-counting", rows[0].ClassName, StringComparison.Ordinal);
            Assert.DoesNotContain("nv-counting", rows[1].ClassName ?? "", StringComparison.Ordinal);
            Assert.Contains("47", rows[0].TextContent, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void NodePage_UnknownNode_SaysSo()
    {
        NavigateTo("/nodes/ghost");

        var page = Render<NodePage>(p => p.Add(x => x.NodeName, "ghost"));

        Assert.Contains("No rules from node \"ghost\" yet.", page.Markup, StringComparison.Ordinal);
    }
}
