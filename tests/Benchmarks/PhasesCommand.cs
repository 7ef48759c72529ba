using System.Diagnostics;
using NetView.Core.Analysis.Json;
using NetView.Core.Iptables;
using NetView.Core.KubeProxy;

namespace NetView.Benchmarks;

/// <summary>
/// <c>phases FILE [--runs N]</c>: times each step of <c>analyze --json</c> on one dump in this
/// process (read, parse, analyze, JSON document, serialize), best of N runs after a cold first
/// run, each as MB of dump per second (for "parse": the parser's throughput). A
/// quick way to see where the whole-process time of <c>netview-agent analyze</c> goes. The last
/// line, "decode-all", is what parsing leaves for later: decoding every rule's matches once.
/// </summary>
internal static class PhasesCommand
{
    public const string Usage = "usage: phases FILE [--runs N]";

    public static int Run(IReadOnlyList<string> args)
    {
        if (args.Count is not (1 or 3) || (args.Count == 3 && (args[1] != "--runs" || !int.TryParse(args[2], out _))))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var started = Environment.TickCount64;
        var path = args[0];
        var runs = args.Count == 3 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5;
        var best = new Dictionary<string, double>(StringComparer.Ordinal);
        var cold = new Dictionary<string, double>(StringComparer.Ordinal);
        long bytes = 0;
        var rules = 0;
        long retained = 0;
        for (var run = 0; run <= runs; run++)
        {
            var timings = new List<(string Phase, double Seconds)>();
            var clock = Stopwatch.StartNew();
            var utf8 = File.ReadAllBytes(path);
            timings.Add(("read", clock.Elapsed.TotalSeconds));

            clock.Restart();
            var ruleSet = IptablesParser.Parse(utf8, utf8.Length);
            timings.Add(("parse", clock.Elapsed.TotalSeconds));

            clock.Restart();
            var analysis = KubeProxyAnalyzer.Analyze(ruleSet);
            timings.Add(("analyze", clock.Elapsed.TotalSeconds));

            clock.Restart();
            var document = AnalysisDocument.From(analysis, ruleSet);
            timings.Add(("document", clock.Elapsed.TotalSeconds));

            clock.Restart();
            AnalysisJson.Serialize(Stream.Null, document);
            timings.Add(("json", clock.Elapsed.TotalSeconds));

            // What the lazy parse leaves for later: every rule's matches, addresses and target
            // decoded once, on a fresh parse (analyze decodes only the rules it reads).
            var fresh = IptablesParser.Parse(utf8, utf8.Length);
            clock.Restart();
            var parts = 0;
            foreach (var rule in fresh.AllRules())
            {
                parts += rule.Matches.Count + rule.Target.Options.Count + (rule.Source is null ? 0 : 1) + (rule.Destination is null ? 0 : 1);
            }

            timings.Add(("decode-all", clock.Elapsed.TotalSeconds));
            GC.KeepAlive(parts);

            bytes = utf8.Length;
            rules = ruleSet.RuleCount;
            retained = GC.GetTotalMemory(forceFullCollection: true);
            GC.KeepAlive(ruleSet);
            GC.KeepAlive(analysis);
            if (run == 0)
            {
                // The first run pays for JIT and first-touch page faults, as the one-shot CLI does.
                foreach (var (phase, seconds) in timings)
                {
                    cold[phase] = seconds;
                }

                continue;
            }

            foreach (var (phase, seconds) in timings)
            {
                best[phase] = best.TryGetValue(phase, out var previous) ? Math.Min(previous, seconds) : seconds;
            }
        }

        Console.WriteLine($"file {path}: {bytes / 1e6:F1} MB, {rules} rules; best of {runs} warm runs, and the first (cold) run");
        Console.WriteLine($"managed heap with the rule set and its analysis alive: {retained / 1e6:F1} MB");
        Console.WriteLine($"collections gen0/gen1/gen2: {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, GC pause {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms of {Environment.TickCount64 - started} ms");
        foreach (var (phase, seconds) in cold)
        {
            var warm = best.GetValueOrDefault(phase, double.NaN);
            Console.WriteLine($"{phase,-10} {warm * 1000,9:F1} ms  {bytes / 1e6 / warm,8:F1} MB/s   cold {seconds * 1000,9:F1} ms");
        }

        return 0;
    }
}
