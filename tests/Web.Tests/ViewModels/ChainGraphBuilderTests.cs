using NetView.Core.Iptables;
using NetView.Web.ViewModels;

namespace NetView.Web.Tests.ViewModels;

public sealed class ChainGraphBuilderTests
{
    private const string Dump = """
        *nat
        :PREROUTING ACCEPT [0:0]
        :OUTPUT ACCEPT [0:0]
        :POSTROUTING ACCEPT [0:0]
        :KUBE-SERVICES - [0:0]
        :KUBE-POSTROUTING - [0:0]
        :KUBE-MARK-MASQ - [0:0]
        :KUBE-SVC-AAAAAAAAAAAAAAAA - [0:0]
        :KUBE-SVC-BBBBBBBBBBBBBBBB - [0:0]
        :KUBE-SEP-CCCCCCCCCCCCCCCC - [0:0]
        :KUBE-SEP-DDDDDDDDDDDDDDDD - [0:0]
        :FLANNEL-POSTRTG - [0:0]
        :MY-AUDIT - [0:0]
        -A PREROUTING -j KUBE-SERVICES
        -A OUTPUT -j KUBE-SERVICES
        -A POSTROUTING -j KUBE-POSTROUTING
        -A POSTROUTING -j FLANNEL-POSTRTG
        -A KUBE-SERVICES -d 10.96.0.1/32 -p tcp -m tcp --dport 443 -j KUBE-SVC-AAAAAAAAAAAAAAAA
        -A KUBE-SERVICES -d 10.96.0.2/32 -p tcp -m tcp --dport 80 -j KUBE-SVC-BBBBBBBBBBBBBBBB
        -A KUBE-SVC-AAAAAAAAAAAAAAAA -j KUBE-SEP-CCCCCCCCCCCCCCCC
        -A KUBE-SVC-BBBBBBBBBBBBBBBB -j KUBE-SEP-DDDDDDDDDDDDDDDD
        -A KUBE-SEP-CCCCCCCCCCCCCCCC -s 10.244.0.2/32 -j KUBE-MARK-MASQ
        -A KUBE-SEP-CCCCCCCCCCCCCCCC -p tcp -m tcp -j DNAT --to-destination 10.244.0.2:6443
        -A KUBE-SEP-DDDDDDDDDDDDDDDD -p tcp -m tcp -j DNAT --to-destination 10.244.0.3:80
        COMMIT
        """;

    [Fact]
    public void Build_HashedChains_CollapseIntoOneGroupPerFamily()
    {
        var graph = ChainGraphBuilder.Build(IptablesParser.Parse(Dump).Table("nat")!);

        Assert.Equal(
            ["PREROUTING", "OUTPUT", "POSTROUTING", "KUBE-SERVICES", "KUBE-POSTROUTING", "KUBE-MARK-MASQ", "KUBE-SVC-*", "KUBE-SEP-*", "FLANNEL-POSTRTG", "MY-AUDIT"],
            graph.Groups.Select(g => g.Id));
        var services = graph.Groups.Single(g => g.Id == "KUBE-SVC-*");
        Assert.Equal(["KUBE-SVC-AAAAAAAAAAAAAAAA", "KUBE-SVC-BBBBBBBBBBBBBBBB"], services.Chains);
        Assert.Equal("KUBE-SVC-* (2)", services.Label);
        Assert.Equal(3, graph.Groups.Single(g => g.Id == "KUBE-SEP-*").Rules);
    }

    [Fact]
    public void Build_JumpsBetweenGroups_AreCountedOnce()
    {
        var graph = ChainGraphBuilder.Build(IptablesParser.Parse(Dump).Table("nat")!);

        Assert.Equal(2, graph.Edges.Single(e => e.From == "KUBE-SERVICES" && e.To == "KUBE-SVC-*").Rules);
        Assert.Equal(2, graph.Edges.Single(e => e.From == "KUBE-SVC-*" && e.To == "KUBE-SEP-*").Rules);
        Assert.Equal(1, graph.Edges.Single(e => e.From == "KUBE-SEP-*" && e.To == "KUBE-MARK-MASQ").Rules);
    }

    [Fact]
    public void Build_Columns_FollowJumpDepthAndUnreachedGoLast()
    {
        var graph = ChainGraphBuilder.Build(IptablesParser.Parse(Dump).Table("nat")!);
        var column = graph.Groups.ToDictionary(g => g.Id, g => g.Column);

        Assert.Equal(0, column["PREROUTING"]);
        Assert.Equal(1, column["KUBE-SERVICES"]);
        Assert.Equal(2, column["KUBE-SVC-*"]);
        Assert.Equal(3, column["KUBE-SEP-*"]);
        Assert.Equal(4, column["KUBE-MARK-MASQ"]);
        Assert.Equal(5, column["MY-AUDIT"]);
    }

    [Theory]
    [InlineData("FORWARD", ChainFamily.BuiltIn)]
    [InlineData("KUBE-PROXY-FIREWALL", ChainFamily.KubeProxy)]
    [InlineData("KUBE-SVL-W47NQ5DDJKUWFTVY", ChainFamily.LocalServiceChains)]
    [InlineData("KUBE-XLB-W47NQ5DDJKUWFTVY", ChainFamily.LegacyLocalChains)]
    [InlineData("cali-FORWARD", ChainFamily.Cni)]
    [InlineData("DOCKER-USER", ChainFamily.Cni)]
    [InlineData("RATE-LIMIT-80", ChainFamily.Custom)]
    public void Of_ChainName_GivesFamily(string chain, ChainFamily family) => Assert.Equal(family, ChainFamilies.Of(chain));
}
