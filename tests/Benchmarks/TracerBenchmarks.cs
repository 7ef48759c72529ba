using System.Net;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using NetView.Core.Analysis.Tracing;
using NetView.Core.Iptables;
using NetView.Core.KubeProxy;
using NetView.Core.KubeProxy.Simulation;

namespace NetView.Benchmarks;

/// <summary>
/// The packet tracer on one node's rules of 10,000 service ports × 5 endpoints (current kube-proxy
/// shapes): one trace from a pod to the ClusterIP whose KUBE-SERVICES rule comes last (the worst
/// linear walk), and a whole analysis, which traces up to 50 service ports for its findings.
/// Run: <c>dotnet run -c Release --project tests/Benchmarks -- --filter *TracerBenchmarks*</c>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ShortInProcess))]
public class TracerBenchmarks
{
    private RuleSet _rules = new();
    private TracePacket _packet = null!;

    [GlobalSetup]
    public void Setup()
    {
        var cluster = ClusterSpecGenerator.Random(seed: 1, servicePorts: 10_000, endpointsPerService: 5, ClusterSpecGeneratorOptions.Plain);
        _rules = IptablesParser.Parse(KubeProxyRulesWriter.Write(cluster, cluster.Nodes[0]));
        var last = _rules.Table("nat")!.Chain("KUBE-SERVICES")!.Rules.Last(r => r.Destination is not null && r.Option("--dport") is not null);
        var clusterIp = IPAddress.Parse(last.Destination!.Value.Split('/')[0]);
        var port = int.Parse(last.Option("--dport")!.Value!, System.Globalization.CultureInfo.InvariantCulture);
        _packet = new TracePacket(IPAddress.Parse("10.244.0.250"), clusterIp, port, null, last.Protocol?.Value ?? "tcp", PacketOrigin.Pod, [IPAddress.Parse("192.0.2.10")]);
        Console.WriteLine($"// {_rules.RuleCount} rules; tracing {clusterIp}:{port}: {PacketTracer.Trace(_rules, _packet).Outcomes.Count} outcomes");
    }

    /// <summary>In process and short: a generated project build times out on the shared, loaded machine.</summary>
    private sealed class ShortInProcess : ManualConfig
    {
        public ShortInProcess() =>
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(5));
    }

    [Benchmark]
    public int TracePodToLastClusterIp() => PacketTracer.Trace(_rules, _packet).Outcomes.Count;

    [Benchmark]
    public int AnalyzeWithTracedFindings() => KubeProxyAnalyzer.Analyze(_rules).Findings.Count;
}
