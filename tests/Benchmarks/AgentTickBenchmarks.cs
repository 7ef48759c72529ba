using BenchmarkDotNet.Attributes;

namespace NetView.Benchmarks;

/// <summary>
/// The agent's CPU per tick, excluding iptables-save itself, on a ~100,000-rule dump with 1% of
/// the counters moving (see <see cref="AgentTick"/>), the same dump with nothing moving, and the
/// snapshot (hash + Brotli) made only when rules change. Sizes and the comparison with
/// iptables-save come from the <c>agent-tick</c> command.
/// Run: <c>dotnet run -c Release --project tests/Benchmarks -- --filter *AgentTickBenchmarks*</c>.
/// </summary>
[MemoryDiagnoser]
public class AgentTickBenchmarks
{
    private AgentTick _tick = null!;

    [GlobalSetup]
    public void Setup()
    {
        _tick = new AgentTick();
        var snapshot = _tick.Baseline();
        Console.WriteLine($"// dump: {_tick.First.Length / 1e6:F1} MB, {snapshot.RuleCount} rules, snapshot {snapshot.Compressed.Length} bytes");
    }

    [Benchmark(Baseline = true)]
    public int TickOnePercentMoved() => _tick.Tick(_tick.Second, out _);

    [Benchmark]
    public int TickIdle() => _tick.Tick(_tick.First, out _);

    [Benchmark]
    public int SnapshotOnRuleChange() => _tick.Baseline().Compressed.Length;
}
