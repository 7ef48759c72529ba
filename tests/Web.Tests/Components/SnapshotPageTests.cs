using System.Text;
using Bunit;
using NetView.Web.Components.Pages;
using NetView.Web.Tests.Shared;

namespace NetView.Web.Tests.Components;

public sealed class SnapshotPageTests : DashboardContext
{
    private const string Dump = """
        *nat
        :PREROUTING ACCEPT [0:0]
        :KUBE-SERVICES - [0:0]
        :KUBE-SVC-AAAAAAAAAAAAAAAA - [0:0]
        :KUBE-SEP-CCCCCCCCCCCCCCCC - [0:0]
        [50:3000] -A PREROUTING -m comment --comment "<script>alert(1)</script>" -j KUBE-SERVICES
        [40:2400] -A KUBE-SERVICES -d 10.96.0.1/32 -p tcp -m comment --comment "default/kubernetes:https cluster IP" -m tcp --dport 443 -j KUBE-SVC-AAAAAAAAAAAAAAAA
        [40:2400] -A KUBE-SVC-AAAAAAAAAAAAAAAA -m comment --comment "default/kubernetes:https -> 10.244.0.2:6443" -j KUBE-SEP-CCCCCCCCCCCCCCCC
        [40:2400] -A KUBE-SEP-CCCCCCCCCCCCCCCC -p tcp -m comment --comment "default/kubernetes:https" -m tcp -j DNAT --to-destination 10.244.0.2:6443
        COMMIT
        """;

    [Fact]
    public async Task SnapshotPage_Dump_LabelledReadOnlyAndLinksStayOnTheSnapshot()
    {
        var snapshot = await Snapshots.FreezeDumpAsync(Encoding.UTF8.GetBytes(Dump), null);
        NavigateTo("/s/" + snapshot.Id);

        var page = Render<SnapshotPage>(p => p.Add(x => x.Id, snapshot.Id));

        Assert.Equal("Snapshot of uploaded taken 2026-11-27 01:00:00 UTC — read-only", page.Find("[data-testid=snapshot-label]").TextContent);
        Assert.Equal("default/kubernetes:https", page.Find("[data-testid=snapshot-service-link]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=snapshot-live-link]"));
        Assert.Contains("import=" + snapshot.Id, page.Find("[data-testid=snapshot-service-link]").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NodePage_OfSnapshotWithScriptComment_ScriptShownAsText()
    {
        var snapshot = await Snapshots.FreezeDumpAsync(Encoding.UTF8.GetBytes(Dump), null);
        NavigateTo($"/nodes/uploaded?table=nat&chain=PREROUTING&import={snapshot.Id}");

        var page = Render<NodePage>(p => p.Add(x => x.NodeName, "uploaded"));

        Assert.NotNull(page.Find("[data-testid=snapshot-label]"));
        Assert.Empty(page.FindAll("script"));
        Assert.Contains("<script>alert(1)</script>", page.Find("[data-testid=rules-grid] tbody").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=share-snapshot]"));
    }

    [Fact]
    public void ShareSnapshotButton_LiveNode_ShowsLinkToFrozenSnapshot()
    {
        using var ingestion = new TestIngestion(state: ClusterState);
        ingestion.Connect(new FakeAgent("node-a", TestCluster.Rules(TestCluster.NodeA)));
        Live.AddNode("node-a", Dump, Clock.GetUtcNow());
        NavigateTo("/nodes/node-a");
        var page = Render<NodePage>(p => p.Add(x => x.NodeName, "node-a"));

        page.Find("button[data-testid=share-snapshot]").Click();

        var link = page.WaitForElement("input[data-testid=share-link]").GetAttribute("value")!;
        var id = link[(link.IndexOf("/s/", StringComparison.Ordinal) + 3)..];
        var shared = Assert.IsType<NetView.Web.ViewModels.SharedSnapshot>(Snapshots.Resolve(id));
        Assert.Equal("node-a", shared.Source);
        Assert.Contains(shared.Services(), s => s.Name == "shop/web:http");
    }

    [Fact]
    public void SnapshotPage_UnknownId_SaysSo()
    {
        NavigateTo("/s/AAAAAAAAAAAAAAAAAAAAAA");

        var page = Render<SnapshotPage>(p => p.Add(x => x.Id, "AAAAAAAAAAAAAAAAAAAAAA"));

        Assert.NotNull(page.Find("[data-testid=import-missing]"));
        Assert.Empty(page.FindAll("[data-testid=snapshot-services-grid]"));
    }
}
