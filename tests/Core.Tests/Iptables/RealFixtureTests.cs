using NetView.Core.Iptables;

namespace NetView.Core.Tests.Iptables;

/// <summary>The published dumps of Fixtures/real (see its README): right tables, chains, rules and counters, no errors.</summary>
public sealed class RealFixtureTests
{
    internal static RuleSet ParseFixture(string name) =>
        IptablesParser.ParseFile(Path.Combine(AppContext.BaseDirectory, "Fixtures", "real", name));

    private static void AssertNoWarnings(RuleSet set) =>
        Assert.DoesNotContain(set.Diagnostics, d => d.Severity != DiagnosticSeverity.Info);

    private static string Shape(RuleSet set) => string.Join(" ", set.Tables.Select(t => $"{t.Name}:{t.Chains.Count}/{t.RuleCount}"));

    [Fact]
    public void Parse_Kubeadm132Nftables_ReadsMangleFilterNat()
    {
        var set = ParseFixture("03-kubeadm132-flannel-nftables-mangle-filter-nat.txt");

        Assert.Equal(InputFormat.Save, set.Format);
        Assert.Equal("nf_tables", set.Backend);
        Assert.Equal("mangle:8/0 filter:12/18 nat:22/44", Shape(set));
        Assert.Equal(new Counters(216396, 139009553), set.Table("filter")!.Chain("INPUT")!.PolicyCounters);
        Assert.All(set.Tables.SelectMany(t => t.Chains), c => Assert.True(c.Declared));
        var svc = set.Table("nat")!.Chain("KUBE-SVC-ERIFXISQEP7F7OF4")!;
        Assert.Equal("kube-system/kube-dns:dns-tcp -> 10.244.0.2:53", svc.Rules[1].Comment);
        Assert.Equal("0.50000000000", svc.Rules[1].Option("--probability")!.Value);
        Assert.Equal("--random-fully", set.Table("nat")!.Chain("KUBE-POSTROUTING")!.Rules[2].Target.Options.Single().Name);
        Assert.Equal("0x4000/0x0", set.Table("nat")!.Chain("KUBE-POSTROUTING")!.Rules[1].Target.Option("--set-xmark")!.Value);
        AssertNoWarnings(set);
    }

    [Fact]
    public void Parse_K3sSaveC_ReadsEveryRuleCounter()
    {
        var set = ParseFixture("04-k3s-save-c-counters-no-endpoints-reject.txt");

        Assert.Equal(InputFormat.SaveWithCounters, set.Format);
        Assert.Equal("legacy", set.Backend);
        Assert.True(set.HasCounters);
        Assert.Equal("raw:2/0 mangle:7/0 nat:14/18 filter:14/28", Shape(set));
        Assert.All(set.AllRules(), r => Assert.NotNull(r.Counters));
        var nat = set.Table("nat")!;
        Assert.Equal(new Counters(402612, 15051273), nat.Chain("PREROUTING")!.Rules[0].Counters);
        Assert.Equal(new Counters(596, 24001), nat.Chain("KUBE-SERVICES")!.Rules[1].Counters);
        Assert.Equal("DROP", set.Table("filter")!.Chain("FORWARD")!.Policy);
        var reject = set.Table("filter")!.Chain("KUBE-SERVICES")!.Rules[3];
        Assert.Equal("REJECT", reject.Target.Name);
        Assert.Equal("icmp-port-unreachable", reject.Target.Option("--reject-with")!.Value);
        Assert.Equal("kube-system/metrics-server:https has no endpoints", reject.Comment);
        Assert.StartsWith("-A KUBE-SERVICES -d 10.43.40.11/32", reject.Text);
        AssertNoWarnings(set);
    }

    [Fact]
    public void Parse_KindWithBlankLines_ReadsAllThreeTables()
    {
        var set = ParseFixture("09-kind123-traefik-kind-masq-agent-blank-lines.txt");

        Assert.Equal(InputFormat.Save, set.Format);
        Assert.Equal("mangle:7/0 filter:10/13 nat:29/58", Shape(set));
        var dockerDns = set.Table("nat")!.Chain("DOCKER_OUTPUT")!.Rules[0];
        Assert.Equal("127.0.0.11:42845", dockerDns.Target.Option("--to-destination")!.Value);
        Assert.Empty(set.Diagnostics);
    }

    [Fact]
    public void Parse_OpenShiftFragment_InfersNatAndKeepsOrder()
    {
        var set = ParseFixture("11-k8s111-openshift-affinity-3ep-nodeport-fragment.txt");

        Assert.Equal(InputFormat.Fragment, set.Format);
        var nat = Assert.Single(set.Tables);
        Assert.Equal("nat", nat.Name);
        Assert.True(nat.Inferred);
        Assert.Equal(16, nat.RuleCount);
        Assert.True(nat.Chain("KUBE-SVC-TYE23RAXJNHAJ33G")!.Declared);
        Assert.False(nat.Chain("KUBE-NODEPORTS")!.Declared);
        Assert.False(nat.Chain("KUBE-MARK-MASQ")!.Declared);
        var svc = nat.Chain("KUBE-SVC-TYE23RAXJNHAJ33G")!.Rules;
        Assert.Equal(6, svc.Count);
        Assert.Equal("0.33332999982", svc[3].Option("--probability")!.Value);
        Assert.Equal(18, svc[3].Line);
        Assert.Contains(set.Diagnostics, d => d.Severity == DiagnosticSeverity.Info && d.Message.Contains("inferred"));
        AssertNoWarnings(set);
    }

    [Fact]
    public void Parse_K3sSv_ReadsInlineCountersAndNewChains()
    {
        var set = ParseFixture("14-k3s-metallb-etp-local-S-v-format-6ep.txt");

        Assert.Equal(InputFormat.RuleSpecs, set.Format);
        Assert.True(set.HasCounters);
        var nat = Assert.Single(set.Tables);
        Assert.Equal("nat", nat.Name);
        Assert.True(nat.Inferred);
        Assert.Equal(13, nat.RuleCount);
        Assert.True(nat.Chain("KUBE-EXT-W47NQ5DDJKUWFTVY")!.Declared);
        Assert.False(nat.Chain("KUBE-SEP-H3SFLVALEZ5LECV3")!.Declared);
        var svc = nat.Chain("KUBE-SVC-W47NQ5DDJKUWFTVY")!.Rules;
        Assert.Equal(7, svc.Count);
        Assert.All(svc, r => Assert.Equal(Counters.Zero, r.Counters));
        Assert.Equal(
            """-A KUBE-SVC-W47NQ5DDJKUWFTVY -m comment --comment "default/nginx-mlb-l2-service -> 10.42.0.25:8080" -m statistic --mode random --probability 0.16666666651 -j KUBE-SEP-H3SFLVALEZ5LECV3""",
            svc[1].Text);
        Assert.Equal("KUBE-SEP-H3SFLVALEZ5LECV3", svc[1].Target.Name);
        Assert.Equal(["comment", "statistic"], svc[1].Matches.Select(m => m.Module));
        AssertNoWarnings(set);
    }
}
