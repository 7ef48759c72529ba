using System.Text;
using BenchmarkDotNet.Attributes;
using NetView.Core.Iptables;
using NetView.Core.KubeProxy.Simulation;

namespace NetView.Benchmarks;

/// <summary>
/// The parser alone on one node's <c>iptables-save -c</c> dump of 17,000 service ports × 5 endpoints
/// (~290,000 rules, current kube-proxy shapes from <see cref="KubeProxyRulesWriter"/>).
/// Throughput in MB/s = the size printed by the setup / the mean time.
/// Run: <c>dotnet run -c Release --project tests/Benchmarks -- --filter *ParserBenchmarks*</c>
/// (add <c>--inProcess</c> on a loaded machine, where the generated project's build times out).
/// </summary>
[MemoryDiagnoser]
public class ParserBenchmarks
{
    private byte[] _dump = [];

    [GlobalSetup]
    public void Setup()
    {
        var cluster = ClusterSpecGenerator.Random(seed: 1, servicePorts: 17_000, endpointsPerService: 5);
        var options = RulesWriterOptions.Default with { Counters = RulesWriterOptions.RandomCounters(1) };
        _dump = Encoding.UTF8.GetBytes(KubeProxyRulesWriter.Write(cluster, cluster.Nodes[0], options));
        Console.WriteLine($"// dump: {_dump.Length / 1_000_000.0:F1} MB, {IptablesParser.Parse(_dump).RuleCount} rules");
    }

    /// <summary>The buffer is handed over as the CLI reads a file: parsed in place, not copied.</summary>
    [Benchmark]
    public int ParseSaveWithCounters() => IptablesParser.Parse(_dump, _dump.Length).RuleCount;
}
