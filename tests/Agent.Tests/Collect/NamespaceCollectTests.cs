using System.Text;
using NetView.Agent.Collect;
using NetView.Agent.Tests.Shared;
using NetView.Core.Iptables;
using NetView.Core.Wire;

namespace NetView.Agent.Tests.Collect;

/// <summary>The real iptables-save in a throwaway network namespace (needs root, as the agent does).</summary>
public sealed class NamespaceCollectTests
{
    private const string Rules = """
        *mangle
        :PREROUTING ACCEPT [0:0]
        :KUBE-IPTABLES-HINT - [0:0]
        COMMIT
        *nat
        :PREROUTING ACCEPT [0:0]
        :INPUT ACCEPT [0:0]
        :OUTPUT ACCEPT [0:0]
        :POSTROUTING ACCEPT [0:0]
        :KUBE-SERVICES - [0:0]
        :KUBE-SVC-TCOU7JCQXEZGVUNU - [0:0]
        :KUBE-SEP-IT2ZTR26TO4XFPTO - [0:0]
        [402612:15051273] -A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
        [39:2340] -A KUBE-SERVICES -d 10.96.0.10/32 -p udp -m comment --comment "kube-system/kube-dns:dns cluster IP" -m udp --dport 53 -j KUBE-SVC-TCOU7JCQXEZGVUNU
        [39:2340] -A KUBE-SVC-TCOU7JCQXEZGVUNU -m comment --comment "kube-system/kube-dns:dns -> 10.244.0.2:53" -j KUBE-SEP-IT2ZTR26TO4XFPTO
        [39:2340] -A KUBE-SEP-IT2ZTR26TO4XFPTO -p udp -m comment --comment "kube-system/kube-dns:dns" -m udp -j DNAT --to-destination 10.244.0.2:53
        COMMIT
        *filter
        :INPUT ACCEPT [0:0]
        :FORWARD ACCEPT [0:0]
        :OUTPUT ACCEPT [0:0]
        :KUBE-FORWARD - [0:0]
        [7:420] -A FORWARD -m comment --comment "kubernetes forwarding rules" -j KUBE-FORWARD
        COMMIT

        """;

    [Fact]
    public async Task ReadAsync_LegacyRulesInNamespace_CountersAndTextAsLoaded()
    {
        using var ns = new NetworkNamespace();
        ns.Restore("iptables-legacy-restore", Rules);

        var choice = await new BackendDetector(ns, TimeSpan.FromMinutes(1)).DetectAsync(CancellationToken.None);
        var scanner = new SaveCountersScanner();
        await new RuleReader(ns).ReadAsync(choice.Binaries, IpFamily.IPv4, scanner, TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.Equal("legacy", choice.Backend);
        Assert.False(choice.MixedBackends);
        Assert.Equal(5, scanner.Counters.Count);
        Assert.Equal([new(402612, 15051273), new(39, 2340), new(39, 2340), new(39, 2340), new(7, 420)], Enumerable.Range(0, 5).Select(i => scanner.Counters[i]));
        var text = Encoding.UTF8.GetString(scanner.RuleText);
        Assert.Contains("-A KUBE-SEP-IT2ZTR26TO4XFPTO -p udp -m comment --comment \"kube-system/kube-dns:dns\" -m udp -j DNAT --to-destination 10.244.0.2:53\n", text);
        Assert.DoesNotContain("Completed on", text);
        Assert.DoesNotContain("[39:2340]", text);
    }

    [Fact]
    public async Task DetectAsync_RulesInBothBackends_MixedBackendsReported()
    {
        using var ns = new NetworkNamespace();
        ns.Restore("iptables-legacy-restore", Rules);
        ns.Restore("iptables-nft-restore", "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -s 192.0.2.1/32 -j DROP\nCOMMIT\n");

        var choice = await new BackendDetector(ns, TimeSpan.FromMinutes(1)).DetectAsync(CancellationToken.None);

        Assert.Equal("legacy", choice.Backend);
        Assert.True(choice.MixedBackends);
        Assert.Contains("nf_tables 1 (0 KUBE-*), legacy 5 (5 KUBE-*)", choice.Warning);
    }
}
