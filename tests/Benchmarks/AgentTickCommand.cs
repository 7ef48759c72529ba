using System.Diagnostics;
using System.Globalization;

namespace NetView.Benchmarks;

/// <summary>
/// <c>agent-tick [--runs N] [--write-dump FILE]</c>: the agent's per-tick figures on a ~100,000-rule
/// dump: CPU per tick (best and mean of N), frame bytes per changed rule, idle frame bytes,
/// snapshot compression ratio. <c>--write-dump</c> writes the dump, to load it with
/// <c>iptables-legacy-restore -c</c> in a throwaway namespace and time <c>iptables-save -c</c> there.
/// </summary>
internal static class AgentTickCommand
{
    public const string Usage = "usage: agent-tick [--runs N] [--write-dump FILE]";

    public static int Run(IReadOnlyList<string> args)
    {
        var runs = 20;
        string? dumpPath = null;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--runs" && i + 1 < args.Count && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out runs) && runs > 0)
            {
                i++;
            }
            else if (args[i] == "--write-dump" && i + 1 < args.Count)
            {
                dumpPath = args[++i];
            }
            else
            {
                Console.Error.WriteLine(Usage);
                return 2;
            }
        }

        var tick = new AgentTick();
        if (dumpPath is not null)
        {
            File.WriteAllBytes(dumpPath, tick.First);
        }

        var clock = Stopwatch.StartNew();
        var snapshot = tick.Baseline();
        var snapshotSeconds = clock.Elapsed.TotalSeconds;
        tick.Tick(tick.Second, out _);
        tick.Tick(tick.First, out _);

        var process = Process.GetCurrentProcess();
        var best = double.MaxValue;
        var cpuBefore = process.TotalProcessorTime;
        var busyBytes = 0;
        var changed = 0;
        for (var run = 0; run < runs; run++)
        {
            clock.Restart();
            busyBytes = tick.Tick(tick.Second, out changed);
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        process.Refresh();
        var cpuPerTick = (process.TotalProcessorTime - cpuBefore).TotalSeconds / runs;
        var idleBytes = tick.Tick(tick.First, out _);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            dump                 {tick.First.Length / 1e6:F1} MB, {tick.RuleCount} rules
            tick (1% moved)      best {best * 1000:F1} ms wall, mean {cpuPerTick * 1000:F1} ms CPU over {runs} runs (scan + compare + encode + serialize)
            counter frame        {busyBytes} bytes for {changed} changed rules = {(double)busyBytes / changed:F2} bytes per changed rule
            idle frame           {idleBytes} bytes
            snapshot             {snapshot.Compressed.Length} bytes compressed from {snapshot.TextLength} bytes of rule text ({(double)tick.First.Length / snapshot.Compressed.Length:F1}x smaller than the dump), {snapshotSeconds * 1000:F0} ms (hash + Brotli, first run)
            """));
        return 0;
    }
}
