using Bunit;
using Microsoft.Extensions.DependencyInjection;
using NetView.Web.Components.Pages;
using NetView.Web.Tests.Shared;
using NetView.Web.ViewModels;

namespace NetView.Web.Tests.Components;

public sealed class ServicesPageTests : DashboardContext
{
    private const string Dump = """
        *nat
        :PREROUTING ACCEPT [0:0]
        :KUBE-SERVICES - [0:0]
        :KUBE-SVC-NPX46M4PTMTKRN6Y - [0:0]
        :KUBE-SEP-VKDSV4YF4UAVJLJE - [0:0]
        :KUBE-SVC-TCOU7JCQXEZGVUNU - [0:0]
        :KUBE-SEP-5KV6BYDR3R5KJGUD - [0:0]
        [9:540] -A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
        [9:540] -A KUBE-SERVICES -d 10.43.0.1/32 -p tcp -m comment --comment "default/kubernetes:https cluster IP" -m tcp --dport 443 -j KUBE-SVC-NPX46M4PTMTKRN6Y
        [0:0] -A KUBE-SERVICES -d 10.43.0.10/32 -p udp -m comment --comment "kube-system/kube-dns:dns cluster IP" -m udp --dport 53 -j KUBE-SVC-TCOU7JCQXEZGVUNU
        [9:540] -A KUBE-SVC-NPX46M4PTMTKRN6Y -m comment --comment "default/kubernetes:https" -j KUBE-SEP-VKDSV4YF4UAVJLJE
        [9:540] -A KUBE-SEP-VKDSV4YF4UAVJLJE -p tcp -m comment --comment "default/kubernetes:https" -m tcp -j DNAT --to-destination 10.0.20.5:6443
        [0:0] -A KUBE-SVC-TCOU7JCQXEZGVUNU -m comment --comment "kube-system/kube-dns:dns" -j KUBE-SEP-5KV6BYDR3R5KJGUD
        [0:0] -A KUBE-SEP-5KV6BYDR3R5KJGUD -p udp -m comment --comment "kube-system/kube-dns:dns" -m udp -j DNAT --to-destination 10.42.0.4:53
        COMMIT
        """;

    [Fact]
    public void Services_Import_ListsEveryServicePortWithItsLink()
    {
        var dump = Services.GetRequiredService<DumpImporter>().Import("pasted text", Dump).Dump!;
        NavigateTo($"/services?import={dump.ImportId}");

        var page = Render<Services>();

        page.WaitForAssertion(() => Assert.Equal(
            [("default/kubernetes:https", $"/services/default/kubernetes/https?import={dump.ImportId}"), ("kube-system/kube-dns:dns", $"/services/kube-system/kube-dns/dns?import={dump.ImportId}")],
            page.FindAll("[data-testid=service-link]").Select(a => (a.TextContent, a.GetAttribute("href")))));
        Assert.Contains("Services (2)", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Services_QuickFilterInUrl_OnlyMatchingRowsAndTheirCount()
    {
        var dump = Services.GetRequiredService<DumpImporter>().Import("pasted text", Dump).Dump!;
        NavigateTo($"/services?import={dump.ImportId}&q=10.43.0.10");

        var page = Render<Services>();

        page.WaitForAssertion(() => Assert.Equal(["kube-system/kube-dns:dns"], page.FindAll("[data-testid=service-link]").Select(a => a.TextContent)));
        Assert.Contains("Services (1 of 2)", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Services_LiveCountersMove_RowShowsNewConnectionsPerSecond()
    {
        Live.ServiceList.Add(new ServiceSummary
        {
            Name = "shop/web:http", Namespace = "shop", Service = "web", PortName = "http", Protocol = "tcp",
            ClusterIP = "10.96.0.20", ClusterPort = 80, Connections = 100,
            Endpoints = [new EndpointSummary("10.244.1.10:8080", "KUBE-SEP-A", null, null, 100)],
        });
        NavigateTo("/services");
        var page = Render<Services>();
        page.WaitForAssertion(() => Assert.Equal("—", page.Find("[data-testid=service-rate]").TextContent));

        Live.ServiceList[0] = Live.ServiceList[0] with { Connections = 150 };
        Clock.Advance(TimeSpan.FromSeconds(2));
        Live.Change();

        page.WaitForAssertion(() => Assert.Equal(ShareFormat.Rate(25), page.Find("[data-testid=service-rate]").TextContent));
    }
}
