using System.Text;
using NetView.Core.Iptables;
using NetView.Core.Iptables.Parsing;
using NetView.Core.KubeProxy.Simulation;

namespace NetView.Core.Tests.Iptables;

public sealed class ScanAheadTests
{
    [Fact]
    public void Parse_BigInput_SameRuleSetWithTheScanAheadAsWithout()
    {
        // Big enough for the scan-ahead, with what a paste adds between the rules: CRLF line ends,
        // trailing blanks, a rule that is not plain, counter prefixes, prose and a blank line.
        var cluster = ClusterSpecGenerator.Random(5, servicePorts: 4000, endpointsPerService: 4, ClusterSpecGeneratorOptions.Mixed);
        var lines = KubeProxyRulesWriter.Write(cluster, cluster.Nodes[0], RulesWriterOptions.Default with { Counters = RulesWriterOptions.RandomCounters(5) })
            .Split('\n');
        var text = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            text.Append(lines[i]).Append(i % 97 == 0 ? " \t\r\n" : "\n");
            if (i % 5003 == 2000)
            {
                text.Append("-A KUBE-MARK-MASQ -m comment --comment \"say \\\"hi\\\"\" -j ACCEPT\n\nthis line is prose\n");
            }
        }

        var source = Encoding.UTF8.GetBytes(text.ToString());
        Assert.True(source.Length >= ScanAhead.MinimumInput, $"{source.Length} bytes");

        var ahead = IptablesParser.Parse(source, source.Length, scanAhead: true);
        var alone = IptablesParser.Parse(source, source.Length, scanAhead: false);

        Assert.Equal(Describe(alone), Describe(ahead));
        Assert.Equal(alone.Diagnostics, ahead.Diagnostics);
        Assert.True(alone.RuleCount > 40_000);
    }

    private static List<string> Describe(RuleSet set) =>
    [
        .. set.Tables.SelectMany(t => t.Chains).Select(c => $"{c} {c.Declared} {c.Line} {c.Policy} {c.PolicyCounters} {c.Rules.Count}"),
        .. set.AllRules().Select(r => $"{r.Reference} {r.Line} {r.Counters} {r.TargetName} {r.TargetKind} {r.Comment} {r.Source} {r.Protocol} | {r.Text}"),
    ];
}
