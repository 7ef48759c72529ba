using System.Net;
using System.Text.RegularExpressions;
using NetView.EndToEnd.Tests.Harness;

namespace NetView.EndToEnd.Tests.Live;

public sealed class NetworkNamespaceTests
{
    private const string Rules = """
        *nat
        :PREROUTING ACCEPT [0:0]
        :INPUT ACCEPT [0:0]
        :OUTPUT ACCEPT [0:0]
        :POSTROUTING ACCEPT [0:0]
        :KUBE-SERVICES - [0:0]
        :KUBE-SEP-TEST - [0:0]
        -A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
        -A KUBE-SERVICES -d 10.96.0.50/32 -p tcp -m comment --comment "default/web:http cluster IP" -m tcp --dport 80 -j KUBE-SEP-TEST
        -A KUBE-SEP-TEST -p tcp -m comment --comment "default/web:http" -m tcp -j DNAT --to-destination 10.244.1.10:8080
        COMMIT
        *filter
        :INPUT ACCEPT [0:0]
        :FORWARD ACCEPT [0:0]
        :OUTPUT ACCEPT [0:0]
        -A OUTPUT -d 10.96.0.51/32 -p tcp -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable
        COMMIT

        """;

    [Fact]
    public async Task NetworkNamespace_ConnectionsToClusterIp_CountedByDnatRuleAndListener()
    {
        string name;
        using (var network = NetworkNamespace.Create())
        {
            name = network.Name;
            network.AddAddress(IPAddress.Parse("10.244.1.10"));
            var listener = network.Listen(IPEndPoint.Parse("10.244.1.10:8080"));
            network.RestoreIptables(Rules);

            var served = await network.ConnectAsync(IPEndPoint.Parse("10.96.0.50:80"), 7);
            var rejected = await network.ConnectAsync(IPEndPoint.Parse("10.96.0.51:80"), 2);

            Assert.Equal(new ConnectionOutcome(7, 0, 0), served);
            Assert.Equal(new ConnectionOutcome(0, 2, 0), rejected);
            Assert.Equal(7, listener.Accepted);
            var dnat = Regex.Match(network.SaveIptables(), @"^\[(\d+):\d+\] -A KUBE-SEP-TEST .*DNAT", RegexOptions.Multiline);
            Assert.Equal("7", dnat.Groups[1].Value);
        }

        Assert.DoesNotContain(name, Command.Run("ip", "netns", "list").StandardOutput, StringComparison.Ordinal);
    }
}
