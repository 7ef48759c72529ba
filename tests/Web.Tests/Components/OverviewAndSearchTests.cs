using Bunit;
using Microsoft.Extensions.DependencyInjection;
using NetView.Web.Components.Layout;
using NetView.Web.Components.Pages;
using NetView.Web.Kubernetes;
using NetView.Web.Tests.Shared;
using NetView.Web.ViewModels;

namespace NetView.Web.Tests.Components;

public sealed class OverviewAndSearchTests : DashboardContext
{
    // A k3s-era dump: one routable service, one without endpoints (filter REJECT only).
    private const string Dump = """
        *filter
        :KUBE-SERVICES - [0:0]
        [4:240] -A KUBE-SERVICES -d 10.43.0.10/32 -p tcp -m comment --comment "kube-system/kube-dns:dns-tcp has no endpoints" -m tcp --dport 53 -j REJECT --reject-with icmp-port-unreachable
        COMMIT
        *nat
        :PREROUTING ACCEPT [0:0]
        :KUBE-SERVICES - [0:0]
        :KUBE-SVC-NPX46M4PTMTKRN6Y - [0:0]
        :KUBE-SEP-VKDSV4YF4UAVJLJE - [0:0]
        [9:540] -A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
        [9:540] -A KUBE-SERVICES -d 10.43.0.1/32 -p tcp -m comment --comment "default/kubernetes:https cluster IP" -m tcp --dport 443 -j KUBE-SVC-NPX46M4PTMTKRN6Y
        [9:540] -A KUBE-SVC-NPX46M4PTMTKRN6Y -m comment --comment "default/kubernetes:https" -j KUBE-SEP-VKDSV4YF4UAVJLJE
        [9:540] -A KUBE-SEP-VKDSV4YF4UAVJLJE -p tcp -m comment --comment "default/kubernetes:https" -m tcp -j DNAT --to-destination 10.0.20.5:6443
        COMMIT
        """;

    private ImportedDump Import() => Services.GetRequiredService<DumpImporter>().Import("pasted text", Dump).Dump!;

    [Fact]
    public void Overview_Import_ShowsTotalsAndFindingsLinkingToTheService()
    {
        var dump = Import();
        NavigateTo($"/?import={dump.ImportId}");

        var page = Render<Overview>();

        Assert.Contains("2", page.Find("[data-testid=total-services]").TextContent, StringComparison.Ordinal);
        Assert.Contains("1", page.Find("[data-testid=total-no-endpoints]").TextContent, StringComparison.Ordinal);
        var link = page.FindAll("[data-testid=finding-link]").Single(a => a.TextContent == "kube-system/kube-dns:dns-tcp");
        Assert.Equal($"/services/kube-system/kube-dns/dns-tcp?import={dump.ImportId}", link.GetAttribute("href"));
    }

    [Fact]
    public void Overview_LiveNodes_ListsThemWithAgentState()
    {
        Live.AddNode("node-b", Dump, Clock.GetUtcNow());
        Live.AddNode("node-a", Dump, Clock.GetUtcNow());
        NavigateTo("/");

        var page = Render<Overview>();

        Assert.Equal(["node-a", "node-b"], page.FindAll("[data-testid=nodes-grid] tbody tr.mud-table-row a").Select(a => a.TextContent));
        Assert.Contains("connected", page.Find("[data-testid=nodes-grid] tbody").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_ServiceIpAndChain_LeadToTheirPages()
    {
        var dump = Import();

        Assert.Equal(
            [("service", $"/services/default/kubernetes/https?import={dump.ImportId}")],
            SearchIndex.Find(dump, "kubernetes:https", 5).Select(h => (h.Kind, h.Href)));
        Assert.Equal(
            ("IP", "10.43.0.1:443 → default/kubernetes:https"),
            SearchIndex.Find(dump, "10.43.0.1", 5).Select(h => (h.Kind, h.Label)).First());
        Assert.Equal(
            $"/nodes/imported?table=nat&chain=KUBE-SEP-VKDSV4YF4UAVJLJE&import={dump.ImportId}",
            SearchIndex.Find(dump, "VKDSV4", 5).Single().Href);
    }

    [Fact]
    public void Search_PodName_LeadsToTheServiceItBacks()
    {
        var dump = Import();
        // kubeadm runs the API server as a static pod named after its node.
        var pods = new Dictionary<string, PodEndpoint>(StringComparer.Ordinal)
        {
            ["10.0.20.5:6443"] = new("10.0.20.5", "kube-system", "kube-apiserver-cp-1", "cp-1", true),
        };

        Assert.Equal(
            [("pod", "kube-apiserver-cp-1 → default/kubernetes:https")],
            SearchIndex.Find(dump, "APISERVER", 5, pods.GetValueOrDefault).Select(h => (h.Kind, h.Label)));
        Assert.Empty(SearchIndex.Find(dump, "apiserver", 5));
    }

    [Fact]
    public void Layout_DarkModeToggle_SwitchesTheme()
    {
        var layout = Render<MainLayout>();

        Assert.Equal("Switch to dark mode", layout.Find("[data-testid=dark-toggle]").GetAttribute("aria-label"));

        layout.Find("[data-testid=dark-toggle]").Click();

        Assert.Equal("Switch to light mode", layout.Find("[data-testid=dark-toggle]").GetAttribute("aria-label"));
        Assert.Single(layout.FindAll("[data-testid=circuit-ready]"));
    }
}
