using NetView.Core.Iptables;

namespace NetView.Core.Tests.Iptables;

/// <summary>What real pastes carry around and inside iptables output.</summary>
public sealed class PasteQuirkTests
{
    [Fact]
    public void Parse_PromptsElisionsAndTypedText_AreDiagnosedNotDropped()
    {
        var set = IptablesParser.Parse("""
            root@node-1:~# iptables-save -t nat
            *nat
            :KUBE-SERVICES - [0:0]
            [...]
            -A KUBE-SERVICES -d 10.96.0.1/32 -p tcp -m tcp --dport 443 -j KUBE-SVC-NPX46M4PTMTKRN6Y
            ...
            here the rules for the other services
            COMMIT
            $ sudo iptables -t nat -S | wc -l
            [root@node-2 ~]# exit
            """);

        Assert.Equal(1, set.RuleCount);
        Assert.Equal(
            [(1, DiagnosticSeverity.Info), (4, DiagnosticSeverity.Info), (6, DiagnosticSeverity.Info), (7, DiagnosticSeverity.Warning),
             (9, DiagnosticSeverity.Info), (10, DiagnosticSeverity.Info), (5, DiagnosticSeverity.Warning)],
            set.Diagnostics.Select(d => (d.Line, d.Severity)));
        Assert.Equal("here the rules for the other services", set.Diagnostics[3].Text);
    }

    [Fact]
    public void Parse_CrlfAndMissingFinalNewline_ReadAsLines()
    {
        var set = IptablesParser.Parse("*filter\r\n:INPUT ACCEPT [1:2]\r\n-A INPUT -m comment --comment \"x\" -j ACCEPT\r\nCOMMIT");

        var rule = set.AllRules().Single();
        Assert.Equal("-A INPUT -m comment --comment \"x\" -j ACCEPT", rule.Text);
        Assert.Equal("x", rule.Comment);
        Assert.Empty(set.Diagnostics);
    }

    [Fact]
    public void Parse_EscapedQuotesInComment_AreUnescapedAsIptablesRestoreDoes()
    {
        var set = IptablesParser.Parse("""
            *filter
            :INPUT ACCEPT [0:0]
            -A INPUT -m comment --comment "a \"b\" c \\ d" -j ACCEPT
            -A INPUT -m comment --comment "it\'s" -j ACCEPT
            -A INPUT -m comment --comment "" -j ACCEPT
            COMMIT
            """);
        var rules = set.Table("filter")!.Chain("INPUT")!.Rules;

        Assert.Equal("a \"b\" c \\ d", rules[0].Comment);
        Assert.Equal("it's", rules[1].Comment);
        Assert.Equal("", rules[2].Comment);
        Assert.Equal("""-A INPUT -m comment --comment "a \"b\" c \\ d" -j ACCEPT""", rules[0].Text);
        Assert.Empty(set.Diagnostics);
    }

    [Fact]
    public void Parse_IpsetNamesWithShellCharacters_AreKeptVerbatim()
    {
        var set = IptablesParser.Parse("""
            *filter
            :INPUT ACCEPT [0:0]
            -A INPUT -m set --match-set cali40s:#|$[(x dst,dst -m set ! --match-set "a b" src -j DROP
            COMMIT
            """);
        var rule = set.AllRules().Single();

        Assert.Equal(new MatchOption("--match-set", "cali40s:#|$[(x dst,dst"), rule.Matches[0].Options.Single());
        Assert.Equal(new MatchOption("--match-set", "a b src", Negated: true), rule.Matches[1].Options.Single());
    }

    [Fact]
    public void Parse_ProtocolOptionsWithoutModule_YieldProtocolMatch()
    {
        var set = IptablesParser.Parse("*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p tcp --dport 22 --syn -j ACCEPT\nCOMMIT\n");

        var match = Assert.Single(set.AllRules().Single().Matches);
        Assert.Equal("tcp", match.Module);
        Assert.Equal([new MatchOption("--dport", "22"), new MatchOption("--syn", null)], match.Options);
        Assert.Empty(set.Diagnostics);
    }

    [Fact]
    public void Parse_OldNegationAfterOption_IsNegation()
    {
        var set = IptablesParser.Parse("*nat\n:POSTROUTING ACCEPT [0:0]\n-A POSTROUTING -s ! 10.0.0.0/8 -m mark --mark ! 0x4000 -j MASQUERADE\nCOMMIT\n");
        var rule = set.AllRules().Single();

        Assert.Equal(new AddressMatch("10.0.0.0/8", Negated: true), rule.Source);
        Assert.Equal(new MatchOption("--mark", "0x4000", Negated: true), rule.Option("--mark"));
    }

    [Fact]
    public void Parse_UnsupportedRevision_WarnsAndKeepsRule()
    {
        var set = IptablesParser.Parse("*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -m foo [unsupported revision] -j ACCEPT\nCOMMIT\n");

        Assert.Equal("ACCEPT", set.AllRules().Single().Target.Name);
        Assert.Contains(set.Diagnostics, d => d.Line == 3 && d.Message.Contains("unsupported revision"));
    }

    [Fact]
    public void Parse_JumpToUndeclaredChain_CreatesUndeclaredChainWithWarning()
    {
        var set = IptablesParser.Parse("*nat\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING -j KUBE-SERVICES\n-A PREROUTING -g KUBE-OTHER\nCOMMIT\n");
        var nat = set.Table("nat")!;

        Assert.False(nat.Chain("KUBE-SERVICES")!.Declared);
        Assert.Equal(3, nat.Chain("KUBE-SERVICES")!.Line);
        Assert.Empty(nat.Chain("KUBE-SERVICES")!.Rules);
        Assert.False(nat.Chain("KUBE-OTHER")!.Declared);
        Assert.Equal(2, set.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Parse_GrepFragment_DecidesKubeServicesTablePerRule()
    {
        var set = IptablesParser.Parse("""
            -A KUBE-SERVICES -d 10.43.0.10/32 -p tcp -m comment --comment "kube-system/kube-dns:dns-tcp has no endpoints" -m tcp --dport 53 -j REJECT --reject-with icmp-port-unreachable
            -A KUBE-SERVICES -d 10.43.0.1/32 -p tcp -m comment --comment "default/kubernetes:https cluster IP" -m tcp --dport 443 -j KUBE-SVC-NPX46M4PTMTKRN6Y
            -A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS
            -A KUBE-NODEPORTS -m comment --comment "default/web:http health check node port" -m tcp -p tcp --dport 30500 -j ACCEPT
            -A KUBE-SEP-VD5CM36UTN4SSMVL -p tcp -m comment --comment "default/kubernetes:https" -m tcp -j DNAT --to-destination 10.0.20.5:6443
            """);

        Assert.Equal(InputFormat.Fragment, set.Format);
        Assert.Equal(["filter", "nat"], set.Tables.Select(t => t.Name));
        Assert.All(set.Tables, t => Assert.True(t.Inferred));
        Assert.Equal(["filter/KUBE-SERVICES#1", "nat/KUBE-SERVICES#1", "nat/KUBE-SERVICES#2", "filter/KUBE-NODEPORTS#1", "nat/KUBE-SEP-VD5CM36UTN4SSMVL#1"],
            set.AllRules().OrderBy(r => r.Line).Select(r => r.Reference));
        Assert.Single(set.Diagnostics, d => d.Line == 0 && d.Message.Contains("inferred"));
        Assert.DoesNotContain(set.Diagnostics, d => d.Severity != DiagnosticSeverity.Info);
    }

    [Fact]
    public void Parse_RuleSpecsWithPolicies_TakeTableFromBuiltinChains()
    {
        var set = IptablesParser.Parse("""
            -P PREROUTING ACCEPT -c 10 600
            -P INPUT ACCEPT -c 10 600
            -P OUTPUT ACCEPT -c 3 180
            -P POSTROUTING ACCEPT -c 3 180
            -N KUBE-SERVICES
            -A PREROUTING -m comment --comment "kubernetes service portals" -c 10 600 -j KUBE-SERVICES
            -P INPUT ACCEPT
            -P FORWARD DROP
            -P OUTPUT ACCEPT
            -A INPUT -j ACCEPT
            """);

        Assert.Equal(InputFormat.RuleSpecs, set.Format);
        Assert.Equal(["nat", "filter"], set.Tables.Select(t => t.Name));
        var prerouting = set.Table("nat")!.Chain("PREROUTING")!;
        Assert.Equal(new Counters(10, 600), prerouting.PolicyCounters);
        Assert.Equal(new Counters(10, 600), prerouting.Rules[0].Counters);
        Assert.Equal("""-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES""", prerouting.Rules[0].Text);
        Assert.True(set.Table("nat")!.Chain("KUBE-SERVICES")!.Declared);
        Assert.Equal("DROP", set.Table("filter")!.Chain("FORWARD")!.Policy);
    }

    [Fact]
    public void Parse_CommentValueLookingLikeOption_IsTakenAsValue()
    {
        var set = IptablesParser.Parse("*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -m comment --comment -x -j ACCEPT\nCOMMIT\n");

        Assert.Equal("-x", set.AllRules().Single().Comment);
        Assert.Equal("ACCEPT", set.AllRules().Single().Target.Name);
    }
}
