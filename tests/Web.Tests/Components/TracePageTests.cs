using Bunit;
using NetView.Web.Components.Pages;
using NetView.Web.Tests.Shared;

namespace NetView.Web.Tests.Components;

public sealed class TracePageTests : DashboardContext
{
    [Fact]
    public void TracePage_PodToClusterIP_OneOutcomePerEndpointWithItsShareAndPath()
    {
        Live.AddNode("node-a", TestCluster.Rules(TestCluster.NodeA), Clock.GetUtcNow());
        NavigateTo("/trace?node=node-a&src=10.244.1.99&dst=10.96.0.20&dport=80&from=pod&nodeip=192.168.0.10");

        var page = Render<Trace>();

        var outcomes = page.FindAll("[data-testid=trace-outcome]");
        Assert.Equal(2, outcomes.Count);
        Assert.All(outcomes, o => Assert.Contains("50.00", o.TextContent, StringComparison.Ordinal));
        Assert.Contains(outcomes, o => o.TextContent.Contains("→ 10.244.1.10:8080", StringComparison.Ordinal));
        Assert.Contains(outcomes, o => o.TextContent.Contains("→ 10.244.2.10:8080", StringComparison.Ordinal));
        Assert.All(outcomes, o => Assert.Contains("nat/KUBE-SERVICES#", o.TextContent, StringComparison.Ordinal));
        Assert.All(outcomes, o => Assert.Contains("shop/web:http", o.TextContent, StringComparison.Ordinal));
        Assert.All(page.FindAll("[data-testid=trace-service-link]"), link =>
            Assert.Matches("path=.*nat%2FKUBE-SERVICES%23", link.GetAttribute("href") ?? ""));
    }

    [Fact]
    public void TracePage_ServiceWithoutEndpoints_Rejected()
    {
        Live.AddNode("node-a", TestCluster.Rules(TestCluster.NodeA), Clock.GetUtcNow());
        NavigateTo("/trace?node=node-a&src=10.244.1.99&dst=10.96.0.40&dport=80&from=pod");

        var page = Render<Trace>();

        var outcome = Assert.Single(page.FindAll("[data-testid=trace-outcome]"));
        Assert.Contains("REJECT", outcome.TextContent, StringComparison.Ordinal);
        Assert.Contains("has no endpoints", outcome.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("src=10.244.1.99&dst=not-an-ip&dport=80", "destination 'not-an-ip' is not an IP address")]
    [InlineData("src=10.244.1.99&dst=10.96.0.20&dport=99999", "destination port '99999' must be a number from 1 to 65535")]
    [InlineData("src=fd00::1&dst=10.96.0.20&dport=80", "source and destination must both be IPv4 or both IPv6")]
    public void TracePage_BadField_ErrorNamesTheField(string query, string message)
    {
        Live.AddNode("node-a", TestCluster.Rules(TestCluster.NodeA), Clock.GetUtcNow());
        NavigateTo("/trace?node=node-a&" + query);

        var page = Render<Trace>();

        Assert.Equal(message, page.Find("[data-testid=trace-error]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=trace-outcome]"));
    }
}
