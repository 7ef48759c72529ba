using BenchmarkDotNet.Attributes;
using NetView.Core.Iptables;

namespace NetView.Benchmarks;

/// <summary>
/// The parser alone on a ~300,000-rule kube-proxy dump (17,000 service ports × 5 endpoints).
/// Throughput in MB/s = <see cref="DumpMegabytes"/> / mean seconds; the setup prints the size.
/// Run: <c>dotnet run -c Release --project tests/Benchmarks -- --filter *ParserBenchmarks*</c>.
/// </summary>
[MemoryDiagnoser]
public class ParserBenchmarks
{
    private byte[] _dump = [];

    public double DumpMegabytes => _dump.Length / 1_000_000.0;

    [GlobalSetup]
    public void Setup()
    {
        _dump = SampleDump.Create(servicePorts: 17_000, endpointsPerService: 5);
        Console.WriteLine($"// dump: {DumpMegabytes:F1} MB, {IptablesParser.Parse(_dump).RuleCount} rules");
    }

    [Benchmark]
    public int ParseSaveWithCounters() => IptablesParser.Parse(_dump).RuleCount;
}
