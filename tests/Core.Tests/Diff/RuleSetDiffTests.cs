using System.Text.Json;
using NetView.Core.Analysis.Diff;
using NetView.Core.Iptables;

namespace NetView.Core.Tests.Diff;

public sealed class RuleSetDiffTests
{
    private const string Old = """
        *nat
        :PREROUTING ACCEPT [0:0]
        :KUBE-NODEPORTS - [0:0]
        :KUBE-SEP-AAAAAAAAAAAAAAAA - [0:0]
        :KUBE-SERVICES - [0:0]
        :KUBE-SVC-WEBWEBWEBWEBWEBW - [0:0]
        [100:6000] -A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
        [0:0] -A PREROUTING -s 192.0.2.0/24 -j LOG
        [0:0] -A PREROUTING -d 192.0.2.1/32 -j ACCEPT
        [5:300] -A KUBE-NODEPORTS -p tcp -m comment --comment "default/web:http" -m tcp --dport 30080 -j KUBE-SVC-WEBWEBWEBWEBWEBW
        [60:3600] -A KUBE-SEP-AAAAAAAAAAAAAAAA -p tcp -m comment --comment "default/web:http" -m tcp -j DNAT --to-destination 10.244.1.4:8080
        [60:3600] -A KUBE-SERVICES -d 10.96.0.10/32 -p tcp -m comment --comment "default/web:http cluster IP" -m tcp --dport 80 -j KUBE-SVC-WEBWEBWEBWEBWEBW
        [0:0] -A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS
        [60:3600] -A KUBE-SVC-WEBWEBWEBWEBWEBW -m comment --comment "default/web:http -> 10.244.1.4:8080" -j KUBE-SEP-AAAAAAAAAAAAAAAA
        COMMIT
        """;

    private const string New = """
        *nat
        :PREROUTING ACCEPT [0:0]
        :KUBE-SEP-AAAAAAAAAAAAAAAA - [0:0]
        :KUBE-SEP-BBBBBBBBBBBBBBBB - [0:0]
        :KUBE-SERVICES - [0:0]
        :KUBE-SVC-WEBWEBWEBWEBWEBW - [0:0]
        [250:15000] -A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
        [0:0] -A PREROUTING -d 192.0.2.1/32 -j ACCEPT
        [0:0] -A PREROUTING -s 192.0.2.0/24 -j LOG
        [90:5400] -A KUBE-SEP-AAAAAAAAAAAAAAAA -p tcp -m comment --comment "default/web:http" -m tcp -j DNAT --to-destination 10.244.1.4:8080
        [0:0] -A KUBE-SEP-BBBBBBBBBBBBBBBB -p tcp -m comment --comment "default/web:http" -m tcp -j DNAT --to-destination 10.244.1.5:8080
        [90:5400] -A KUBE-SERVICES -d 10.96.0.10/32 -p tcp -m comment --comment "default/web:http cluster IP" -m tcp --dport 80 -j KUBE-SVC-WEBWEBWEBWEBWEBW
        [0:0] -A KUBE-SVC-WEBWEBWEBWEBWEBW -m comment --comment "default/web:http -> 10.244.1.4:8080" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-AAAAAAAAAAAAAAAA
        [0:0] -A KUBE-SVC-WEBWEBWEBWEBWEBW -m comment --comment "default/web:http -> 10.244.1.5:8080" -j KUBE-SEP-BBBBBBBBBBBBBBBB
        COMMIT
        """;

    private static RuleSetDifference Compare() => RuleSetDiff.Compare(IptablesParser.Parse(Old), IptablesParser.Parse(New));

    [Fact]
    public void Compare_EndpointAddedNodePortRemoved_SaysSoByMeaning()
    {
        var messages = Compare().Changes.Select(c => c.Message).ToList();

        Assert.Contains("endpoint 10.244.1.5:8080 added to default/web:http (share 0.5)", messages);
        Assert.Contains("share of 10.244.1.4:8080 in default/web:http changed from 1 to 0.5", messages);
        Assert.Contains("nodePort 30080 removed from default/web:http", messages);
    }

    [Fact]
    public void Compare_SwappedRules_AreMovedNotAddedOrRemoved()
    {
        var difference = Compare();

        var moved = Assert.Single(difference.Moved);
        Assert.Equal("PREROUTING", moved.Chain);
        Assert.DoesNotContain(difference.Added, r => r.Chain == "PREROUTING");
        Assert.DoesNotContain(difference.Removed, r => r.Chain == "PREROUTING");
    }

    [Fact]
    public void Compare_RulesInOnlyOneSide_AreAddedOrRemovedWithPositions()
    {
        var difference = Compare();

        Assert.Contains(difference.Added, r => r.Chain == "KUBE-SEP-BBBBBBBBBBBBBBBB" && r.NewNumber == 1 && r.OldNumber is null);
        Assert.Contains(difference.Removed, r => r.Chain == "KUBE-NODEPORTS" && r.OldNumber == 1);
        Assert.Equal(3, difference.Removed.Count);
        Assert.Equal(3, difference.Added.Count);
    }

    [Fact]
    public void Compare_CountersInBoth_GiveDeltas()
    {
        var deltas = Compare().CounterDeltas;

        Assert.Contains(new CounterDelta("nat/PREROUTING#1", "-A PREROUTING -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES", 150, 9000), deltas);
        Assert.Contains(deltas, d => d.Rule == "nat/KUBE-SEP-AAAAAAAAAAAAAAAA#1" && d.Packets == 30);
        Assert.DoesNotContain(deltas, d => d.Rule == "nat/PREROUTING#2");
    }

    [Fact]
    public void Compare_Counts_PerTableAndChain()
    {
        var difference = Compare();

        Assert.Equal(new ChainCount("nat", null, 8, 8), Assert.Single(difference.Tables));
        Assert.Contains(new ChainCount("nat", "KUBE-NODEPORTS", 1, 0), difference.Chains);
        Assert.Contains(new ChainCount("nat", "KUBE-SVC-WEBWEBWEBWEBWEBW", 1, 2), difference.Chains);
    }

    [Fact]
    public void Compare_SameRules_IsEmpty()
    {
        var difference = RuleSetDiff.Compare(IptablesParser.Parse(Old), IptablesParser.Parse(Old));

        Assert.True(difference.IsEmpty);
        Assert.Empty(difference.Changes);
        Assert.Empty(difference.CounterDeltas);
    }

    [Fact]
    public void Serialize_Difference_WritesCamelCaseDocument()
    {
        using var json = JsonDocument.Parse(DiffJson.Serialize(Compare()));

        Assert.Equal(3, json.RootElement.GetProperty("added").GetArrayLength());
        Assert.Equal("endpointAdded", json.RootElement.GetProperty("changes").EnumerateArray()
            .First(c => c.GetProperty("message").GetString()!.StartsWith("endpoint 10.244.1.5", StringComparison.Ordinal)).GetProperty("kind").GetString());
        Assert.Equal(150, json.RootElement.GetProperty("counterDeltas")[0].GetProperty("packets").GetInt64());
    }
}
