using NetView.Core.Iptables;
using NetView.Core.KubeProxy;

namespace NetView.Core.Tests.KubeProxy;

/// <summary>Whatever a node sends, the analyzer answers: cut, shuffled and mangled rules never make it throw.</summary>
public sealed class AnalyzerRobustnessTests
{
    [Theory]
    [InlineData("03-kubeadm132-flannel-nftables-mangle-filter-nat.txt")]
    [InlineData("04-k3s-save-c-counters-no-endpoints-reject.txt")]
    [InlineData("11-k8s111-openshift-affinity-3ep-nodeport-fragment.txt")]
    [InlineData("14-k3s-metallb-etp-local-S-v-format-6ep.txt")]
    public void Analyze_EveryLineCutShort_NeverThrows(string fixture)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "real", fixture));
        var random = new Random(17);
        for (var round = 0; round < 40; round++)
        {
            var mangled = new string[lines.Length];
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[random.Next(lines.Length)];
                mangled[i] = line.Length == 0 ? line : line[..random.Next(line.Length + 1)];
            }

            RuleSet rules;
            try
            {
                rules = IptablesParser.Parse(string.Join('\n', mangled));
            }
            catch (InvalidDumpException)
            {
                continue;
            }

            var analysis = KubeProxyAnalyzer.Analyze(rules);

            Assert.Equal(analysis.ServicePorts.Sum(p => p.Endpoints.Count), analysis.Summary.Endpoints);
        }
    }
}
