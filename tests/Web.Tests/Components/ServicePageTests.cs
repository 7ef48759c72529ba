using Bunit;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using NetView.Web.Components.Pages;
using NetView.Web.Tests.Shared;
using NetView.Web.ViewModels;

namespace NetView.Web.Tests.Components;

public sealed class ServicePageTests : DashboardContext
{
    // kube-proxy 1.29 shapes with counters: three endpoints at 1/3 each, one of them with markup in its comment.
    private const string Dump = """
        *nat
        :PREROUTING ACCEPT [0:0]
        :KUBE-SERVICES - [0:0]
        :KUBE-MARK-MASQ - [0:0]
        :KUBE-SVC-WEB0000000000000 - [0:0]
        :KUBE-SEP-AAA0000000000000 - [0:0]
        :KUBE-SEP-BBB0000000000000 - [0:0]
        :KUBE-SEP-CCC0000000000000 - [0:0]
        [900:54000] -A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
        [900:54000] -A KUBE-SERVICES -d 10.96.0.20/32 -p tcp -m comment --comment "shop/web:http cluster IP" -m tcp --dport 80 -j KUBE-SVC-WEB0000000000000
        [0:0] -A KUBE-SVC-WEB0000000000000 ! -s 10.244.0.0/16 -d 10.96.0.20/32 -p tcp -m comment --comment "shop/web:http cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ
        [310:18600] -A KUBE-SVC-WEB0000000000000 -m comment --comment "shop/web:http -> 10.244.1.5:8080" -m statistic --mode random --probability 0.33333333349 -j KUBE-SEP-AAA0000000000000
        [290:17400] -A KUBE-SVC-WEB0000000000000 -m comment --comment "shop/web:http -> 10.244.2.6:8080" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-BBB0000000000000
        [300:18000] -A KUBE-SVC-WEB0000000000000 -m comment --comment "shop/web:http -> 10.244.3.7:8080" -j KUBE-SEP-CCC0000000000000
        [310:18600] -A KUBE-SEP-AAA0000000000000 -p tcp -m comment --comment "shop/web:http" -m tcp -j DNAT --to-destination 10.244.1.5:8080
        [290:17400] -A KUBE-SEP-BBB0000000000000 -p tcp -m comment --comment "shop/web:http <img src=x onerror=alert(1)>" -m tcp -j DNAT --to-destination 10.244.2.6:8080
        [300:18000] -A KUBE-SEP-CCC0000000000000 -p tcp -m comment --comment "shop/web:http" -m tcp -j DNAT --to-destination 10.244.3.7:8080
        COMMIT
        """;

    private static V1EndpointSlice Slice(string address, string pod, bool ready) => new()
    {
        Metadata = new V1ObjectMeta { Name = "web-abc12", NamespaceProperty = "shop" },
        AddressType = "IPv4",
        Endpoints = [new V1Endpoint
        {
            Addresses = [address],
            NodeName = "node-b",
            Conditions = new V1EndpointConditions { Ready = ready },
            TargetRef = new V1ObjectReference { Kind = "Pod", Name = pod, NamespaceProperty = "shop" },
        }],
    };

    private IRenderedComponent<ServicePage> RenderLiveWeb()
    {
        Live.AddNode("node-a", Dump, Clock.GetUtcNow());
        Live.AddServicesOf("node-a");
        NavigateTo("/services/shop/web/http");
        return Render<ServicePage>(p => p.Add(x => x.Namespace, "shop").Add(x => x.ServiceName, "web").Add(x => x.Port, "http"));
    }

    private string Import()
    {
        var outcome = Services.GetRequiredService<DumpImporter>().Import("pasted text", Dump);
        Assert.Null(outcome.Error);
        return outcome.Dump!.ImportId!;
    }

    [Fact]
    public void ServicePage_ImportedDump_DrawsOneBoxPerEndpointWithItsShare()
    {
        var id = Import();
        NavigateTo($"/services/shop/web/http?import={id}");

        var page = Render<ServicePage>(p => p.Add(x => x.Namespace, "shop").Add(x => x.ServiceName, "web").Add(x => x.Port, "http"));

        var endpoints = page.FindAll("[data-testid=flow-node][data-kind=Endpoint]");
        Assert.Equal(["10.244.1.5:8080", "10.244.2.6:8080", "10.244.3.7:8080"], endpoints.Select(e => e.QuerySelector(".nv-flow-title")!.TextContent));
        Assert.All(endpoints, e => Assert.Equal("33.3 %", e.QuerySelector("[data-testid=flow-share]")!.TextContent));
    }

    [Fact]
    public void ServicePage_OpenedFromATrace_HighlightsTheBoxesOnThePath()
    {
        var id = Import();
        var path = Uri.EscapeDataString("nat/PREROUTING#1,nat/KUBE-SERVICES#1,nat/KUBE-SVC-WEB0000000000000#3,nat/KUBE-SEP-BBB0000000000000#1");
        NavigateTo($"/services/shop/web/http?import={id}&path={path}");

        var page = Render<ServicePage>(p => p.Add(x => x.Namespace, "shop").Add(x => x.ServiceName, "web").Add(x => x.Port, "http"));

        var onPath = page.FindAll("[data-testid=flow-node][data-onpath=true]").Select(e => e.QuerySelector(".nv-flow-title")!.TextContent).ToList();
        Assert.Contains("10.244.2.6:8080", onPath);
        Assert.DoesNotContain("10.244.1.5:8080", onPath);
        Assert.DoesNotContain("10.244.3.7:8080", onPath);
        Assert.Contains("ClusterIP", onPath);
    }

    [Fact]
    public void ServicePage_Counters_GiveObservedSplitAndVerdictInPlainWords()
    {
        var id = Import();
        NavigateTo($"/services/shop/web/http?import={id}");

        var page = Render<ServicePage>(p => p.Add(x => x.Namespace, "shop").Add(x => x.ServiceName, "web").Add(x => x.Port, "http"));

        var rows = page.FindAll("[data-testid=split-table] tbody tr");
        Assert.Equal(3, rows.Count);
        Assert.Contains("34.4 %", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Within what chance gives: chi-square", page.Find("[data-testid=split-verdict]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ServicePage_ClickingAnEndpoint_ShowsItsRulesEscaped()
    {
        var id = Import();
        NavigateTo($"/services/shop/web/http?import={id}");
        var page = Render<ServicePage>(p => p.Add(x => x.Namespace, "shop").Add(x => x.ServiceName, "web").Add(x => x.Port, "http"));

        page.FindAll("[data-testid=flow-node][data-kind=Endpoint]")[1].PointerDown();
        page.FindAll("[data-testid=flow-node][data-kind=Endpoint]")[1].PointerUp();

        page.WaitForAssertion(() =>
        {
            var panel = page.Find("[data-testid=flow-rules]");
            Assert.Contains("<img src=x onerror=alert(1)>", panel.TextContent, StringComparison.Ordinal);
            Assert.Contains("290 connections", panel.TextContent, StringComparison.Ordinal);
            Assert.Empty(page.FindAll("img"));
        });
    }

    [Fact]
    public void ServicePage_UnknownService_SaysSo()
    {
        var id = Import();
        NavigateTo($"/services/shop/nope/-?import={id}");

        var page = Render<ServicePage>(p => p.Add(x => x.Namespace, "shop").Add(x => x.ServiceName, "nope").Add(x => x.Port, "-"));

        Assert.Contains("No node's rules carry the service port \"shop/nope\".", page.Find("[data-testid=service-missing]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ServicePage_PodNameWithMarkup_ShowsItAsTextOnItsEndpointBoxAndSplitRow()
    {
        Directory.ReplaceEndpointSlices([Slice("10.244.2.6", "<script>alert(1)</script>", ready: false)]);

        var page = RenderLiveWeb();

        var box = page.Find("[data-testid=flow-node][data-id=KUBE-SEP-BBB0000000000000]");
        Assert.Equal("<script>alert(1)</script>", box.QuerySelector("[data-testid=flow-pod-name]")!.TextContent);
        Assert.Equal("on node-b", box.QuerySelector("[data-testid=flow-pod-node]")!.TextContent);
        Assert.NotNull(box.QuerySelector("[data-testid=flow-not-ready]"));
        Assert.Single(page.FindAll("[data-testid=flow-pod]"));
        Assert.Equal("<script>alert(1)</script>", page.Find("[data-testid=split-pod]").TextContent);
        Assert.Empty(page.FindAll("script"));
    }

    [Fact]
    public void ServicePage_DirectoryLearnsAPod_ShowsItWithoutReload()
    {
        var page = RenderLiveWeb();
        Assert.Empty(page.FindAll("[data-testid=flow-pod]"));

        Directory.ApplyEndpointSlice("ADDED", Slice("10.244.1.5", "web-7d9f-x2x4q", ready: true));

        page.WaitForAssertion(() =>
        {
            var box = page.Find("[data-testid=flow-node][data-id=KUBE-SEP-AAA0000000000000]");
            Assert.Equal("web-7d9f-x2x4q", box.QuerySelector("[data-testid=flow-pod-name]")!.TextContent);
            Assert.Null(box.QuerySelector("[data-testid=flow-not-ready]"));
        });
    }

    [Fact]
    public void ServicePage_ImportedDump_NamesNoPodsOfTheLiveCluster()
    {
        Directory.ReplaceEndpointSlices([Slice("10.244.2.6", "web-7d9f-x2x4q", ready: true)]);
        var id = Import();
        NavigateTo($"/services/shop/web/http?import={id}");

        var page = Render<ServicePage>(p => p.Add(x => x.Namespace, "shop").Add(x => x.ServiceName, "web").Add(x => x.Port, "http"));

        Assert.Equal(3, page.FindAll("[data-testid=flow-node][data-kind=Endpoint]").Count);
        Assert.Empty(page.FindAll("[data-testid=flow-pod]"));
    }
}
