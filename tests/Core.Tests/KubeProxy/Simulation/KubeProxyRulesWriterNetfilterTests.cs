using NetView.Core.Iptables;
using NetView.Core.KubeProxy.Simulation;
using NetView.Core.Tests.Shared;

namespace NetView.Core.Tests.KubeProxy.Simulation;

// The kernel is the judge: a generated dump must load, and iptables-save must print it back
// unchanged, which proves every rule is already in iptables-save's own canonical form.
public sealed class KubeProxyRulesWriterNetfilterTests
{
    [NetfilterFact]
    public void Write_MixedIPv4ClusterWithCounters_LoadsAndSavesBackUnchanged()
    {
        var cluster = ClusterSpecGenerator.Random(seed: 12, servicePorts: 80, endpointsPerService: 4);
        var dump = KubeProxyRulesWriter.Write(cluster, cluster.Nodes[1], RulesWriterOptions.Default with { Counters = RulesWriterOptions.RandomCounters(5) });

        using var netns = NetfilterNamespace.Create();
        netns.Exec("iptables-restore", ["--counters"], dump);
        var saved = netns.Exec("iptables-save", ["-c", "-t", "mangle"]) + netns.Exec("iptables-save", ["-c", "-t", "filter"])
            + netns.Exec("iptables-save", ["-c", "-t", "nat"]);

        Assert.Equal(WithoutComments(dump), WithoutComments(saved));
    }

    [NetfilterFact]
    public void Write_MixedIPv6Cluster_LoadsAndSavesBackUnchanged()
    {
        var cluster = ClusterSpecGenerator.Random(
            seed: 11, servicePorts: 80, endpointsPerService: 4, ClusterSpecGeneratorOptions.Mixed with { Family = IpFamily.IPv6 });
        var dump = KubeProxyRulesWriter.Write(cluster, cluster.Nodes[0]);

        using var netns = NetfilterNamespace.Create();
        netns.Exec("ip6tables-restore", [], dump);
        var saved = netns.Exec("ip6tables-save", ["-t", "mangle"]) + netns.Exec("ip6tables-save", ["-t", "filter"])
            + netns.Exec("ip6tables-save", ["-t", "nat"]);

        Assert.Equal(WithoutComments(dump), WithoutComments(saved));
    }

    [NetfilterFact]
    public void Write_LegacyBackendLargeClusterMode_PassesIptablesRestoreTest()
    {
        var cluster = ClusterSpecGenerator.Random(seed: 3, servicePorts: 400, endpointsPerService: 3);
        var dump = KubeProxyRulesWriter.Write(cluster, cluster.Nodes[2], RulesWriterOptions.Default with { Backend = IptablesBackend.Legacy });

        using var netns = NetfilterNamespace.Create();
        netns.Exec("iptables-legacy-restore", ["--test"], dump);
        netns.Exec("iptables-restore", ["--test"], dump);

        Assert.DoesNotContain("-> ", dump, StringComparison.Ordinal);
    }

    private static string WithoutComments(string dump) =>
        string.Join('\n', dump.Split('\n').Where(line => line.Length > 0 && !line.StartsWith('#')));
}
