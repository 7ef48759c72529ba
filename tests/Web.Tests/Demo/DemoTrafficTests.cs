using NetView.Core.Analysis;
using NetView.Core.Iptables;
using NetView.Core.KubeProxy;
using NetView.Core.KubeProxy.Simulation;
using NetView.Core.Wire;
using NetView.Web.Demo;

namespace NetView.Web.Tests.Demo;

public sealed class DemoTrafficTests
{
    [Fact]
    public void Create_DefaultDemo_ShowsEveryCaseOnDemoNodes()
    {
        var spec = DemoClusterSpec.Create(nodes: 3, servicePorts: 20);

        Assert.True(DemoClusterSpec.ShowsEveryCase(spec));
        Assert.Equal(["demo-node-0", "demo-node-1", "demo-node-2"], spec.Nodes.Select(n => n.Name));
        Assert.All(spec.Services.SelectMany(s => s.Endpoints), e => Assert.True(e.NodeName is null || e.NodeName.StartsWith("demo-", StringComparison.Ordinal)));
    }

    [Fact]
    public void Tick_ManyConnections_SplitFollowsTheCascade()
    {
        var spec = DemoClusterSpec.Create(nodes: 3, servicePorts: 20);
        var rules = IptablesParser.Parse(KubeProxyRulesWriter.Write(spec, spec.Nodes[0]));
        var analysis = KubeProxyAnalyzer.Analyze(rules);
        var slots = rules.AllRules().OrderBy(r => r.Line).Select((r, i) => (r, i)).ToDictionary(x => x.r, x => x.i);
        var traffic = new DemoTraffic(rules, analysis, slots.Count, r => slots[r], seed: 7);
        var counters = new RuleCounters();

        for (var tick = 0; tick < 50; tick++)
        {
            traffic.Tick(2000);
        }

        traffic.WriteTo(counters);
        var port = analysis.ServicePorts.First(p => p.Endpoints.Count(e => e.Probability is not null) >= 3);
        var nat = rules.Table("nat")!;
        var observed = port.Endpoints.Where(e => e.Probability is not null)
            .Select(e => counters[slots[nat.Chain(e.Chain)!.Rules.Single(r => r.Target.Name == "DNAT")]].Packets)
            .ToList();
        var verdict = SplitVerdict.Judge(observed, [.. port.Endpoints.Where(e => e.Probability is not null).Select(e => e.Probability!.Value)]);

        Assert.True(observed.Sum() > 500);
        Assert.Equal(analysis.ServicePorts.Count(p => p.HasEndpoints && p.Chains.Svc is not null), traffic.Routes);
        Assert.Equal(SplitVerdictKind.WithinChance, verdict.Kind);
        Assert.Equal(60 * observed[0], counters[slots[nat.Chain(port.Endpoints[0].Chain)!.Rules.Single(r => r.Target.Name == "DNAT")]].Bytes);
    }
}
