using NetView.Core.Iptables;

namespace NetView.Core.Tests.Iptables;

public sealed class ListingFormatTests
{
    private static Rule SingleRule(string listing)
    {
        var set = IptablesParser.Parse(listing);
        return set.AllRules().Single();
    }

    private static string Row(string extra, string target = "KUBE-SEP-X", string prot = "all", string source = "0.0.0.0/0", string destination = "0.0.0.0/0") =>
        "Chain KUBE-SVC-X (1 references)\n"
        + " pkts bytes target     prot opt in     out     source               destination\n"
        + $"    0     0 {target}  {prot}  --  *      *       {source}            {destination}            {extra}\n";

    [Fact]
    public void Parse_RealListing_ReadsNatChainsRulesAndCounters()
    {
        var set = RealFixtureTests.ParseFixture("06-flannel-docker-nat-list-nv-nodeport.txt");

        Assert.Equal(InputFormat.Listing, set.Format);
        Assert.True(set.HasCounters);
        var nat = Assert.Single(set.Tables);
        Assert.Equal("nat", nat.Name);
        Assert.True(nat.Inferred);
        Assert.Equal(20, nat.Chains.Count);
        Assert.Equal(43, nat.RuleCount);
        Assert.Equal(new Counters(10, 600), nat.Chain("OUTPUT")!.PolicyCounters);
        Assert.Null(nat.Chain("KUBE-SERVICES")!.Policy);
        var nodePorts = nat.Chain("KUBE-SERVICES")!.Rules[8];
        Assert.Equal(new Counters(6, 360), nodePorts.Counters);
        Assert.Equal(84, nodePorts.Line);
        Assert.Equal(
            """-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS""",
            nodePorts.Text);
        Assert.DoesNotContain(set.Diagnostics, d => d.Severity != DiagnosticSeverity.Info);
    }

    [Fact]
    public void Parse_RealListing_WritesKubeProxySaveForms()
    {
        var nat = RealFixtureTests.ParseFixture("06-flannel-docker-nat-list-nv-nodeport.txt").Table("nat")!;

        Assert.Equal(
            """-A KUBE-SERVICES ! -s 10.244.0.0/16 -d 10.96.0.10/32 -p tcp -m comment --comment "kube-system/kube-dns:dns-tcp cluster IP" -m tcp --dport 53 -j KUBE-MARK-MASQ""",
            nat.Chain("KUBE-SERVICES")!.Rules[0].Text);
        var dnat = nat.Chain("KUBE-SEP-2JVQP42V4GXGTRDZ")!.Rules[1];
        Assert.Equal("""-A KUBE-SEP-2JVQP42V4GXGTRDZ -p tcp -m comment --comment "kube-system/kube-dns:dns-tcp" -m tcp -j DNAT --to-destination 10.244.0.25:53""", dnat.Text);
        Assert.Equal("10.244.0.25:53", dnat.Target.Option("--to-destination")!.Value);
        Assert.Equal(new AddressMatch("10.244.0.25/32"), nat.Chain("KUBE-SEP-2JVQP42V4GXGTRDZ")!.Rules[0].Source);
        Assert.Equal("0x4000/0x4000", nat.Chain("KUBE-MARK-MASQ")!.Rules[0].Target.Option("--set-xmark")!.Value);
        Assert.Equal(new ValueMatch("docker0", Negated: true), nat.Chain("POSTROUTING")!.Rules[1].OutInterface);
        Assert.Equal(new AddressMatch("224.0.0.0/4", Negated: true), nat.Chain("POSTROUTING")!.Rules[3].Destination);
        Assert.Equal("0.50000000000", nat.Chain("KUBE-SVC-ERIFXISQEP7F7OF4")!.Rules[0].Option("--probability")!.Value);
        Assert.Equal("default/nginx-svc:", nat.Chain("KUBE-SVC-R2VK7O5AFVLRAXSH")!.Rules[0].Comment);
    }

    [Theory]
    [InlineData("/* ns/a:p */ tcp dpt:53", "tcp", "-p tcp -m comment --comment \"ns/a:p\" -m tcp --dport 53")]
    [InlineData("tcp spt:1024 dpts:30000:32767", "tcp", "-p tcp -m tcp --sport 1024 --dport 30000:32767")]
    [InlineData("udp dpt:!53", "udp", "-p udp -m udp ! --dport 53")]
    [InlineData("multiport dports 80,443", "tcp", "-p tcp -m multiport --dports 80,443")]
    [InlineData("statistic mode random probability 0.33333333349", "all", "-m statistic --mode random --probability 0.33333333349")]
    [InlineData("ADDRTYPE match src-type LOCAL", "all", "-m addrtype --src-type LOCAL")]
    [InlineData("mark match ! 0x4000/0x4000", "all", "-m mark ! --mark 0x4000/0x4000")]
    [InlineData("ctstate NEW", "all", "-m conntrack --ctstate NEW")]
    [InlineData("! ctstate RELATED,ESTABLISHED,DNAT", "all", "-m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT")]
    [InlineData("state RELATED,ESTABLISHED", "all", "-m state --state RELATED,ESTABLISHED")]
    [InlineData("match-set KUBE-CLUSTER-IP dst,dst", "all", "-m set --match-set KUBE-CLUSTER-IP dst,dst")]
    [InlineData("limit: avg 3/min burst 5", "all", "-m limit --limit 3/min")]
    [InlineData("limit: avg 10/sec burst 20", "all", "-m limit --limit 10/sec --limit-burst 20")]
    [InlineData("recent: CHECK seconds: 10800 reap name: KUBE-SEP-SRB22U7BNHNW5WLR side: source mask: 255.255.255.255", "all",
        "-m recent --rcheck --seconds 10800 --reap --name KUBE-SEP-SRB22U7BNHNW5WLR --mask 255.255.255.255 --rsource")]
    [InlineData("tcp recent: SET name: KUBE-SEP-A side: source mask: 255.255.255.255", "tcp",
        "-p tcp -m tcp -m recent --set --name KUBE-SEP-A --mask 255.255.255.255 --rsource")]
    public void Parse_ListingMatchText_BecomesSaveForm(string extra, string prot, string expected)
    {
        var rule = SingleRule(Row(extra, prot: prot));

        Assert.Equal("-A KUBE-SVC-X " + expected + " -j KUBE-SEP-X", rule.Text);
    }

    [Theory]
    [InlineData("MARK", "MARK or 0x4000", "-j MARK --set-xmark 0x4000/0x4000")]
    [InlineData("MARK", "MARK set 0x1", "-j MARK --set-xmark 0x1/0xffffffff")]
    [InlineData("MARK", "MARK xset 0x4000/0x4000", "-j MARK --set-xmark 0x4000/0x4000")]
    [InlineData("MARK", "MARK xor 0x4000", "-j MARK --set-xmark 0x4000/0x0")]
    [InlineData("MARK", "MARK and 0xffffbfff", "-j MARK --set-xmark 0x0/0x4000")]
    [InlineData("REJECT", "reject-with icmp-port-unreachable", "-j REJECT --reject-with icmp-port-unreachable")]
    [InlineData("MASQUERADE", "random-fully", "-j MASQUERADE --random-fully")]
    [InlineData("MASQUERADE", "masq ports: 1024-65535", "-j MASQUERADE --to-ports 1024-65535")]
    [InlineData("SNAT", "to:192.168.31.191:53", "-j SNAT --to-source 192.168.31.191:53")]
    [InlineData("LOG", "LOG flags 0 level 4 prefix \"dropped: \"", "-j LOG --log-prefix \"dropped: \"")]
    [InlineData("LOG", "LOG flags 1 level 6 prefix \"x\"", "-j LOG --log-prefix x --log-level 6 --log-tcp-sequence")]
    public void Parse_ListingTargetText_BecomesSaveForm(string target, string extra, string expected)
    {
        var rule = SingleRule(Row(extra, target: target));

        Assert.Equal("-A KUBE-SVC-X " + expected, rule.Text);
    }

    [Fact]
    public void Parse_ListingWithoutNumericFlag_MapsWellKnownPortsAndReportsNames()
    {
        var set = IptablesParser.Parse("""
            Chain KUBE-SERVICES (2 references)
            target     prot opt source               destination
            KUBE-SVC-A  tcp  --  anywhere             10.96.0.10           /* kube-system/kube-dns:dns-tcp cluster IP */ tcp dpt:domain
            KUBE-SVC-B  tcp  --  anywhere             kubernetes.default   /* default/kubernetes:https cluster IP */ tcp dpt:https
            KUBE-SVC-C  tcp  --  anywhere             10.96.0.20           tcp dpt:my-app
            """);
        var rules = set.AllRules().ToList();

        Assert.False(set.HasCounters);
        Assert.Equal("53", rules[0].Option("--dport")!.Value);
        Assert.Null(rules[0].Source);
        Assert.Equal("443", rules[1].Option("--dport")!.Value);
        Assert.Equal(new AddressMatch("kubernetes.default"), rules[1].Destination);
        Assert.Equal("my-app", rules[2].Option("--dport")!.Value);
        Assert.Contains(set.Diagnostics, d => d.Line == 4 && d.Message.Contains("kubernetes.default"));
        Assert.Contains(set.Diagnostics, d => d.Line == 5 && d.Message.Contains("my-app"));
        Assert.Equal("nat", rules[0].Table);
    }

    [Fact]
    public void Parse_ListingWithLineNumbersAndRoundedCounters_ReadsApproximateCounters()
    {
        var set = IptablesParser.Parse("""
            Chain INPUT (policy ACCEPT 12M packets, 3G bytes)
            num   pkts bytes target     prot opt in     out     source               destination
            1     8703K 2282M KUBE-FIREWALL  all  --  *      *       0.0.0.0/0            0.0.0.0/0
            2        0     0 ACCEPT     tcp  --  eth0   *       10.0.0.0/8           0.0.0.0/0            tcp dpt:22
            """);
        var input = set.Table("filter")!.Chain("INPUT")!;

        Assert.Equal(new Counters(12_000_000, 3_000_000_000, Approximate: true), input.PolicyCounters);
        Assert.Equal(new Counters(8_703_000, 2_282_000_000, Approximate: true), input.Rules[0].Counters);
        Assert.Equal(new Counters(0, 0), input.Rules[1].Counters);
        Assert.Equal("-A INPUT -s 10.0.0.0/8 -i eth0 -p tcp -m tcp --dport 22 -j ACCEPT", input.Rules[1].Text);
    }

    [Fact]
    public void Parse_ListingOfTwoTables_SplitsWhenBuiltinChainsRepeat()
    {
        var set = IptablesParser.Parse("""
            Chain PREROUTING (policy ACCEPT)
            target     prot opt source               destination
            KUBE-SERVICES  all  --  0.0.0.0/0            0.0.0.0/0            /* kubernetes service portals */

            Chain INPUT (policy ACCEPT)
            target     prot opt source               destination

            Chain OUTPUT (policy ACCEPT)
            target     prot opt source               destination

            Chain POSTROUTING (policy ACCEPT)
            target     prot opt source               destination

            Chain KUBE-SERVICES (2 references)
            target     prot opt source               destination

            Chain INPUT (policy ACCEPT)
            target     prot opt source               destination
            KUBE-FIREWALL  all  --  0.0.0.0/0            0.0.0.0/0

            Chain FORWARD (policy DROP)
            target     prot opt source               destination

            Chain OUTPUT (policy ACCEPT)
            target     prot opt source               destination
            """);

        Assert.Equal(["nat", "filter"], set.Tables.Select(t => t.Name));
        Assert.Equal(["PREROUTING", "INPUT", "OUTPUT", "POSTROUTING", "KUBE-SERVICES"], set.Table("nat")!.Chains.Select(c => c.Name));
        Assert.Equal("DROP", set.Table("filter")!.Chain("FORWARD")!.Policy);
        Assert.Equal(1, set.Table("filter")!.RuleCount);
    }

    [Fact]
    public void Parse_ListingRowWithoutTargetAndGoto_KeepsKinds()
    {
        var set = IptablesParser.Parse("""
            Chain FORWARD (policy ACCEPT 0 packets, 0 bytes)
             pkts bytes target     prot opt in     out     source               destination
                5   300            all  --  *      *       0.0.0.0/0            0.0.0.0/0
                0     0 DOCKER-USER  all  --  *      *       0.0.0.0/0            0.0.0.0/0            [goto]
            """);
        var rules = set.Table("filter")!.Chain("FORWARD")!.Rules;

        Assert.Equal(Target.None, rules[0].Target);
        Assert.Equal(TargetKind.Goto, rules[1].Target.Kind);
        Assert.Equal("-A FORWARD -g DOCKER-USER", rules[1].Text);
    }

    [Fact]
    public void Parse_ListingWithUnknownText_KeepsRuleAndWarns()
    {
        var set = IptablesParser.Parse(Row("PHYSDEV match --physdev-is-bridged"));

        Assert.Equal("-A KUBE-SVC-X -j KUBE-SEP-X", set.AllRules().Single().Text);
        var warning = Assert.Single(set.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning);
        Assert.Equal(3, warning.Line);
        Assert.Contains("PHYSDEV match --physdev-is-bridged", warning.Message);
    }
}
