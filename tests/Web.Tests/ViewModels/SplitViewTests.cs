using NetView.Core.Analysis;
using NetView.Web.ViewModels;

namespace NetView.Web.Tests.ViewModels;

public sealed class SplitViewTests
{
    private static ServiceSummary Service(long? a, long? b, long? c, int? affinity = null) => new()
    {
        Name = "shop/web:http",
        Namespace = "shop",
        Service = "web",
        PortName = "http",
        Protocol = "tcp",
        AffinitySeconds = affinity,
        Endpoints =
        [
            new EndpointSummary("10.244.1.5:8080", "KUBE-SEP-AAA", 1 / 3.0, null, a),
            new EndpointSummary("10.244.2.6:8080", "KUBE-SEP-BBB", 1 / 3.0, null, b),
            new EndpointSummary("10.244.3.7:8080", "KUBE-SEP-CCC", 1 / 3.0, null, c),
            new EndpointSummary("10.244.4.8:8080", "KUBE-SEP-DDD", null, 1.0, 99),
        ],
    };

    [Fact]
    public void Of_EvenCounters_IsWithinChanceAndLeavesOutLocalOnlyEndpoints()
    {
        var split = SplitView.Of(Service(330, 340, 330), null, "all counted connections");

        Assert.Equal(["10.244.1.5:8080", "10.244.2.6:8080", "10.244.3.7:8080"], split.Rows.Select(r => r.Address));
        Assert.Equal(0.34, split.Rows[1].ObservedShare);
        Assert.Equal(SplitVerdictKind.WithinChance, split.Verdict!.Kind);
        Assert.StartsWith("within what chance gives", split.Verdict.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_WindowCounts_UsesThemInsteadOfLifetimeCounters()
    {
        var window = new Dictionary<string, long> { ["10.244.1.5:8080"] = 900, ["10.244.2.6:8080"] = 50, ["10.244.3.7:8080"] = 50 };

        var split = SplitView.Of(Service(330, 340, 330, affinity: 10800), window, "the last 60 s");

        Assert.Equal([900L, 50L, 50L], split.Rows.Select(r => r.Observed));
        Assert.Equal(SplitVerdictKind.SkewedBeyondChance, split.Verdict!.Kind);
        Assert.Contains(split.Verdict.Explanations, e => e.Contains("Session affinity (ClientIP, 10800 s)", StringComparison.Ordinal));
        Assert.Equal("the last 60 s", split.ObservedOver);
    }

    [Fact]
    public void Of_NoCounters_HasNoVerdict()
    {
        var split = SplitView.Of(Service(null, null, null), null, "all counted connections");

        Assert.Null(split.Verdict);
        Assert.All(split.Rows, r => Assert.Null(r.ObservedShare));
    }

    [Fact]
    public void Of_FewConnections_SaysTooFewSamples()
    {
        var split = SplitView.Of(Service(2, 1, 0), null, "all counted connections");

        Assert.Equal(SplitVerdictKind.TooFewSamples, split.Verdict!.Kind);
    }
}
