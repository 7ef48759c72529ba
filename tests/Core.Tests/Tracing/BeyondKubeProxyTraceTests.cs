using System.Net;
using NetView.Core.Analysis.Tracing;
using NetView.Core.Iptables;

namespace NetView.Core.Tests.Tracing;

/// <summary>What kube-proxy's test tracer cannot do: weights, affinity, the host's OUTPUT path, non-kube rules, bounds.</summary>
public sealed class BeyondKubeProxyTraceTests
{
    [Fact]
    public void Trace_ThreeEndpointCascade_GivesEachAThird()
    {
        const string dump = """
            *nat
            :PREROUTING ACCEPT [0:0]
            :KUBE-SVC-A - [0:0]
            -A PREROUTING -d 10.96.0.1/32 -p tcp -m tcp --dport 80 -j KUBE-SVC-A
            -A KUBE-SVC-A -m statistic --mode random --probability 0.33333333349 -j DNAT --to-destination 10.244.1.1:80
            -A KUBE-SVC-A -m statistic --mode random --probability 0.50000000000 -j DNAT --to-destination 10.244.1.2:80
            -A KUBE-SVC-A -j DNAT --to-destination 10.244.1.3:80
            COMMIT
            """;

        var result = TraceAssert.Trace(dump, "10.244.0.9", "10.96.0.1", 80);

        Assert.Equal(0.33333333349, result.ProbabilityOf("10.244.1.1:80"), 1e-11);
        Assert.Equal(0.333333333255, result.ProbabilityOf("10.244.1.2:80"), 1e-11);
        Assert.Equal(0.333333333255, result.ProbabilityOf("10.244.1.3:80"), 1e-11);
    }

    [Fact]
    public void Trace_SessionAffinity_ReturningClientBranchesKeepTheShares()
    {
        var result = TraceAssert.Trace(NodeDump.Text, "10.244.1.2", "10.96.0.70", 80);

        foreach (var endpoint in new[] { "10.244.1.14:80", "10.244.2.15:80", "10.244.2.16:80" })
        {
            Assert.Equal(1 / 3.0, result.ProbabilityOf(endpoint), 1e-9);
        }

        var returning = result.Outcomes.Single(o => o.Path.Contains("nat/KUBE-SVC-STICKYHTTP00000#3"));
        Assert.Equal("10.244.2.15:80", returning.Destination);
        Assert.Equal(1 / 6.0, returning.Probability, 1e-9);
        Assert.Contains(returning.Explanations, e => e.StartsWith("Session affinity: this client was seen before by KUBE-SEP-STICKY200000000", StringComparison.Ordinal));
        var first = result.Outcomes.Single(o => o.Path.Contains("nat/KUBE-SVC-STICKYHTTP00000#5"));
        Assert.Equal("10.244.1.14:80", first.Destination);
        Assert.Contains(first.Explanations, e => e.Contains("first connection", StringComparison.Ordinal));
    }

    [Fact]
    public void Trace_ForwardRejectBeforeKubeForward_RejectsServiceTraffic()
    {
        var dump = NodeDump.Text.Replace(
            "-A FORWARD -m conntrack --ctstate NEW -m comment --comment \"kubernetes load balancer firewall\" -j KUBE-PROXY-FIREWALL",
            "-A FORWARD -s 10.244.0.0/16 -j REJECT --reject-with icmp-host-prohibited\n-A FORWARD -m conntrack --ctstate NEW -m comment --comment \"kubernetes load balancer firewall\" -j KUBE-PROXY-FIREWALL",
            StringComparison.Ordinal);

        var result = TraceAssert.Trace(dump, "10.244.1.2", "10.96.0.10", 80);

        Assert.Equal(["1 REJECT -"], TraceAssert.Lines(result));
        Assert.All(result.Outcomes, o => Assert.Equal("filter/FORWARD#1", o.Path[^1]));
        Assert.All(result.Outcomes, o => Assert.Contains("rejected by filter/FORWARD#1 (icmp-host-prohibited)", o.Explanations));
    }

    [Fact]
    public void Trace_RateLimitBeforeKubeServices_FollowsBothBranches()
    {
        const string dump = """
            *filter
            :INPUT ACCEPT [0:0]
            :FORWARD DROP [0:0]
            :OUTPUT ACCEPT [0:0]
            -A FORWARD -p tcp -m tcp --dport 80 -m limit --limit 10/sec --limit-burst 20 -j ACCEPT
            COMMIT
            """;

        var result = TraceAssert.Trace(dump, "10.244.1.2", "10.244.2.6", 80);

        Assert.Equal(["0.5 ACCEPT 10.244.2.6:80", "0.5 DROP -"], TraceAssert.Lines(result));
        var dropped = result.Outcomes.Single(o => o.Verdict == "DROP");
        Assert.Contains(dropped.Explanations, e => e.Contains("assumed over the limit", StringComparison.Ordinal));
        Assert.Contains(dropped.Explanations, e => e.Contains("policy DROP", StringComparison.Ordinal));
    }

    [Fact]
    public void Trace_MarksGotoAndReturn_FollowNetfilterSemantics()
    {
        const string dump = """
            *mangle
            :PREROUTING ACCEPT [0:0]
            -A PREROUTING -j MARK --set-xmark 0x10/0xff
            -A PREROUTING -j MARK --or-mark 0x4000
            -A PREROUTING -j MARK --and-mark 0xfff0
            COMMIT
            *filter
            :INPUT ACCEPT [0:0]
            :FORWARD ACCEPT [0:0]
            :OUTPUT ACCEPT [0:0]
            :CHECK - [0:0]
            :DEEPER - [0:0]
            -A FORWARD -g CHECK
            -A FORWARD -j DROP
            -A CHECK -m mark ! --mark 0x4010/0xffff -j DROP
            -A CHECK -j DEEPER
            -A CHECK -j RETURN
            -A CHECK -j DROP
            -A DEEPER -j RETURN
            -A DEEPER -j DROP
            COMMIT
            """;

        var result = TraceAssert.Trace(dump, "10.244.1.2", "10.244.2.6", 443, from: PacketOrigin.External);

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal("RETURN-TO-POLICY", outcome.Verdict);
        Assert.Equal(["mangle/PREROUTING#1", "mangle/PREROUTING#2", "mangle/PREROUTING#3", "filter/FORWARD#1", "filter/CHECK#2", "filter/DEEPER#1", "filter/CHECK#3"], outcome.Path);
    }

    [Fact]
    public void Trace_AddressAndPortSemantics_CommaListsNegationRangesMultiportIpv6()
    {
        const string dump = """
            *filter
            :INPUT ACCEPT [0:0]
            :FORWARD ACCEPT [0:0]
            :OUTPUT ACCEPT [0:0]
            -A FORWARD -s 192.0.2.0/24,fd00::/64 -p tcp -m multiport --dports 22,8000:8100 -j ACCEPT
            -A FORWARD ! -d fd00:1::/64 -p udp -m udp --sport 1024: -j REJECT
            -A FORWARD -j DROP
            COMMIT
            """;

        var rules = IptablesParser.Parse(dump);
        string Verdict(string src, string dst, int dport, string proto) => Assert.Single(PacketTracer.Trace(rules,
            new TracePacket(IPAddress.Parse(src), IPAddress.Parse(dst), dport, null, proto, PacketOrigin.External, [])).Outcomes).Verdict;

        Assert.Equal("ACCEPT", Verdict("fd00::5", "fd00:2::1", 8080, "tcp"));
        Assert.Equal("ACCEPT", Verdict("192.0.2.9", "10.0.0.1", 22, "tcp"));
        Assert.Equal("DROP", Verdict("192.0.3.9", "10.0.0.1", 22, "tcp"));
        Assert.Equal("DROP", Verdict("fd00::5", "fd00:2::1", 8101, "tcp"));
        Assert.Equal("REJECT", Verdict("fd00::5", "fd00:2::1", 53, "udp"));
        Assert.Equal("DROP", Verdict("fd00::5", "fd00:1::1", 53, "udp"));
    }

    [Fact]
    public void Trace_LoopingChains_EndsIncompleteInsteadOfHanging()
    {
        const string dump = """
            *filter
            :INPUT ACCEPT [0:0]
            :FORWARD ACCEPT [0:0]
            :OUTPUT ACCEPT [0:0]
            :A - [0:0]
            :B - [0:0]
            -A FORWARD -j A
            -A A -j B
            -A B -j A
            COMMIT
            """;

        var result = TraceAssert.Trace(dump, "10.0.0.1", "10.0.0.2", 80);

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal("INCOMPLETE", outcome.Verdict);
        Assert.Contains(outcome.Explanations, e => e.Contains("loop", StringComparison.Ordinal));
    }

    [Fact]
    public void Trace_ThousandsOfUnknownMatches_StaysWithinItsBranchLimit()
    {
        var lines = Enumerable.Range(1, 40).Select(i => $"-A FORWARD -m set --match-set blocked{i} src -j LOG");
        var dump = "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n" + string.Join('\n', lines) + "\nCOMMIT\n";
        var rules = IptablesParser.Parse(dump);
        var packet = new TracePacket(IPAddress.Parse("10.0.0.1"), IPAddress.Parse("10.0.0.2"), 80);

        var result = PacketTracer.Trace(rules, packet, new TraceLimits(MaxBranches: 500));

        Assert.Equal(1.0, result.Outcomes.Sum(o => o.Probability), 1e-9);
        Assert.Contains(result.Notes, n => n.Contains("branch limit", StringComparison.Ordinal));
    }

    [Fact]
    public void Trace_LongChainPastItsStepLimit_StopsIncompleteAtThatRule()
    {
        var lines = Enumerable.Range(1, 30).Select(i => $"-A FORWARD -d 10.9.9.{i}/32 -j DROP");
        var dump = "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n" + string.Join('\n', lines) + "\n-A FORWARD -j ACCEPT\nCOMMIT\n";
        var rules = IptablesParser.Parse(dump);
        var packet = new TracePacket(IPAddress.Parse("10.0.0.1"), IPAddress.Parse("10.0.0.2"), 80);

        var result = PacketTracer.Trace(rules, packet, new TraceLimits(MaxSteps: 12));

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal("INCOMPLETE", outcome.Verdict);
        Assert.Equal(1.0, outcome.Probability);
        Assert.Empty(outcome.Path);
        Assert.Contains("the trace stopped after 12 rule evaluations", outcome.Explanations);
    }

    [Fact]
    public void Trace_NthAndUnknownModule_AreWeightedAndExplained()
    {
        const string dump = """
            *nat
            :PREROUTING ACCEPT [0:0]
            -A PREROUTING -p tcp -m statistic --mode nth --every 4 --packet 0 -j DNAT --to-destination 10.1.0.1:80
            -A PREROUTING -p tcp -m owner --uid-owner 1000 -j DNAT --to-destination 10.1.0.2:80
            COMMIT
            """;

        var result = TraceAssert.Trace(dump, "10.0.0.1", "10.9.9.9", 80);

        Assert.Equal(["0.25 DNAT 10.1.0.1:80", "0.375 DNAT 10.1.0.2:80", "0.375 RETURN-TO-POLICY 10.9.9.9:80"], TraceAssert.Lines(result));
        Assert.Contains(result.Outcomes.Single(o => o.Destination == "10.1.0.2:80").Explanations, e => e.StartsWith("assumed to match: -m owner --uid-owner 1000", StringComparison.Ordinal));
    }
}
