using System.Text;
using NetView.Core.Analysis;
using NetView.Core.Analysis.Findings;
using NetView.Core.Iptables;
using NetView.Core.KubeProxy;
using NetView.Core.KubeProxy.Simulation;

namespace NetView.Core.Tests.Analysis.Findings;

/// <summary>On big dumps the rule-set-wide checks run side by side; what they find must not change.</summary>
public sealed class ParallelChecksTests
{
    [Fact]
    public void Run_BigBrokenDump_SideBySideFindsWhatOneAfterTheOtherFinds()
    {
        var cluster = ClusterSpecGenerator.Random(5, servicePorts: 1400, endpointsPerService: 4);
        var written = KubeProxyRulesWriter.Write(cluster, cluster.Nodes[0]);
        // Break it: an endpoint chain kube-proxy would not have named so, 150 duplicate rules (more
        // than a sink lists), dangling jumps and an orphan chain.
        var endpointChain = written[written.IndexOf(":KUBE-SEP-", StringComparison.Ordinal)..].Split(' ')[0][1..];
        var dump = new StringBuilder(written.Replace(endpointChain, "KUBE-SEP-RENAMED0000000000", StringComparison.Ordinal));
        var extra = new StringBuilder("*nat\n:KUBE-SVC-ORPHAN0000000000 - [0:0]\n-A KUBE-SVC-ORPHAN0000000000 -j KUBE-MARK-MASQ\n");
        for (var i = 0; i < 150; i++)
        {
            extra.Append($"-A KUBE-POSTROUTING -s 10.9.{i}.0/24 -j RETURN\n-A KUBE-POSTROUTING -s 10.9.{i}.0/24 -j RETURN\n");
        }

        extra.Append("-A KUBE-SERVICES -j KUBE-SVC-NOWHERE0000000\nCOMMIT\n");
        var set = IptablesParser.Parse(dump.Append(extra).ToString());
        Assert.True(set.RuleCount >= FindingChecks.ParallelFrom);
        var analysis = KubeProxyAnalyzer.Analyze(set);
        var ports = analysis.ServicePorts;

        var oneAfterTheOther = FindingChecks.Run(set, ports, analysis.ClusterCidr, null, parallel: false);
        var sideBySide = FindingChecks.Run(set, ports, analysis.ClusterCidr, null, parallel: true);

        Assert.Equal(Describe(oneAfterTheOther), Describe(sideBySide));
        // The analyzer's own run, which reuses what its walk read, finds the same.
        Assert.Equal(Describe(oneAfterTheOther), Describe(analysis.Findings));
        Assert.Contains(sideBySide, f => f.Code == FindingCodes.ChainNameMismatch && f.Subject == "nat/KUBE-SEP-RENAMED0000000000");
        Assert.Contains(sideBySide, f => f.Code == FindingCodes.DanglingJump);
        Assert.Contains(sideBySide, f => f.Code == FindingCodes.OrphanChain && f.Subject == "nat/KUBE-SVC-ORPHAN0000000000");
        Assert.Equal(FindingSink.MaxPerCode, sideBySide.Count(f => f.Code == FindingCodes.DuplicateRule && f.Evidence.Count > 0));
        Assert.Contains(sideBySide, f => f.Code == FindingCodes.DuplicateRule && f.Message.StartsWith("50 more", StringComparison.Ordinal));
    }

    private static List<string> Describe(IReadOnlyList<Finding> findings) =>
        findings.Select(f => $"{f.Severity} {f.Code} {f.Subject} {f.Message} {string.Join(",", f.Evidence.Select(e => e.Rule))}").ToList();
}
