using System.Text;
using NetView.Agent.Collect;
using NetView.Agent.Tests.Shared;
using NetView.Core.Iptables;
using NetView.Core.Wire;

namespace NetView.Agent.Tests.Collect;

public sealed class RuleReaderTests
{
    [Fact]
    public async Task ReadAsync_NatThenFilter_OneScanWithCountersInTextOrder()
    {
        var runner = new CannedCommandRunner()
            .Answer("ip6tables-legacy-save -c -t nat", "*nat\n:PREROUTING ACCEPT [3:180]\n[3:180] -A PREROUTING -j KUBE-SERVICES\nCOMMIT\n")
            .Answer("ip6tables-legacy-save -c -t filter", "*filter\n:INPUT ACCEPT [9:900]\n[7:420] -A INPUT -j KUBE-FIREWALL\nCOMMIT\n");
        var scanner = new SaveCountersScanner();

        await new RuleReader(runner).ReadAsync(SaveBinaries.LegacyBinaries, IpFamily.IPv6, scanner, TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Equal(["ip6tables-legacy-save -c -t nat", "ip6tables-legacy-save -c -t filter"], runner.Calls);
        Assert.Equal("*nat\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING -j KUBE-SERVICES\nCOMMIT\n*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -j KUBE-FIREWALL\nCOMMIT\n", Encoding.UTF8.GetString(scanner.RuleText));
        Assert.Equal([new(3, 180), new(7, 420)], [scanner.Counters[0], scanner.Counters[1]]);
    }

    [Fact]
    public async Task ReadAsync_TableMissingInKernel_TreatedAsEmpty()
    {
        var runner = new CannedCommandRunner()
            .Fail("iptables-legacy-save -c -t nat", 1, "iptables-legacy-save v1.8.9 (legacy): can't initialize iptables table `nat': Table does not exist (do you need to insmod?)")
            .Answer("iptables-legacy-save -c -t filter", "*filter\n[1:2] -A INPUT -j ACCEPT\nCOMMIT\n");
        var scanner = new SaveCountersScanner();

        await new RuleReader(runner).ReadAsync(SaveBinaries.LegacyBinaries, IpFamily.IPv4, scanner, TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Equal(1, scanner.Counters.Count);
    }

    [Fact]
    public async Task ReadAsync_PermissionDenied_ClearMessage()
    {
        var runner = new CannedCommandRunner()
            .Fail("iptables-nft-save -c -t nat", 4, "iptables-nft-save v1.8.9 (nf_tables): Could not fetch rule set generation id: Permission denied (you must be root)");

        var error = await Assert.ThrowsAsync<CollectException>(() =>
            new RuleReader(runner).ReadAsync(SaveBinaries.Nft, IpFamily.IPv4, new SaveCountersScanner(), TimeSpan.FromSeconds(5), CancellationToken.None));

        Assert.Equal(CommandFailure.PermissionDenied, error.Failure);
        Assert.StartsWith("no permission to read the rules", error.Message);
    }

    [Fact]
    public async Task ReadAsync_GarbledCounters_NamesCommandAndLine()
    {
        var runner = new CannedCommandRunner().Answer("iptables-nft-save -c -t nat", "*nat\n[1:2 -A PREROUTING -j KUBE-SERVICES\n");

        var error = await Assert.ThrowsAsync<CollectException>(() =>
            new RuleReader(runner).ReadAsync(SaveBinaries.Nft, IpFamily.IPv4, new SaveCountersScanner(), TimeSpan.FromSeconds(5), CancellationToken.None));

        Assert.Contains("iptables-nft-save -c -t nat: unexpected output, line 2", error.Message);
    }
}
