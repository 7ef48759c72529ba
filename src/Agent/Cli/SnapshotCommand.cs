using NetView.Agent.Collect;
using NetView.Core.Analysis.Findings;
using NetView.Core.Iptables;
using NetView.Core.KubeProxy;

namespace NetView.Agent.Cli;

/// <summary>
/// <c>netview-agent snapshot [--json] [--family ipv4|ipv6]</c>: read this node's live rules once
/// (the backend kube-proxy uses, nat and filter, with counters) and print the analysis exactly as
/// <c>analyze</c> prints a dump. Exit 3 without permission (not root / no CAP_NET_ADMIN), 2 on
/// bad arguments or when the rules cannot be read.
/// </summary>
internal static class SnapshotCommand
{
    private const string Usage = "usage: netview-agent snapshot [--json] [--family ipv4|ipv6]";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static Task<int> RunAsync(string[] args) =>
        RunAsync(args, new ProcessCommandRunner(TimeProvider.System), Console.OpenStandardOutput(), Console.Error, AnalyzeCommand.UseColour());

    public static async Task<int> RunAsync(string[] args, ICommandRunner runner, Stream stdout, TextWriter stderr, bool colour)
    {
        var json = false;
        var family = IpFamily.IPv4;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--json":
                    json = true;
                    break;
                case "--family" when i + 1 < args.Length && args[i + 1] is "ipv4" or "ipv6":
                    family = args[++i] == "ipv6" ? IpFamily.IPv6 : IpFamily.IPv4;
                    break;
                case "-h" or "--help":
                    await stderr.WriteLineAsync(Usage);
                    return CommandLine.Ok;
                default:
                    await stderr.WriteLineAsync($"netview-agent snapshot: unexpected argument '{args[i]}'{(args[i] == "--family" ? " (ipv4 or ipv6 must follow)" : "")}.\n{Usage}");
                    return CommandLine.BadInput;
            }
        }

        BackendChoice backend;
        var dump = new OutputBuffer();
        try
        {
            backend = await new BackendDetector(runner, Timeout).DetectAsync(CancellationToken.None);
            var output = new OutputBuffer();
            foreach (var table in RuleReader.Tables)
            {
                var result = await runner.RunAsync(backend.Binaries.For(family), ["-c", "-t", table], output, Timeout, CancellationToken.None);
                if (!result.Succeeded)
                {
                    throw new CollectException(result.Failure, $"{backend.Binaries.For(family)} -c -t {table}: {result.Error}");
                }

                dump.Append(output.Span);
            }
        }
        catch (CollectException e)
        {
            var denied = e.Failure == CommandFailure.PermissionDenied;
            await stderr.WriteLineAsync($"netview-agent snapshot: {e.Message}{(denied && !e.Message.Contains("CAP_NET_ADMIN") ? "; run as root or with CAP_NET_ADMIN" : "")}");
            return denied ? CommandLine.NoPermission : CommandLine.BadInput;
        }

        if (backend.Warning is not null)
        {
            await stderr.WriteLineAsync($"netview-agent snapshot: {backend.Warning}");
        }

        RuleSet ruleSet;
        try
        {
            // A backend with no tables of this family prints nothing at all: that is an empty rule set, not bad input.
            ruleSet = dump.Span.IndexOf("*"u8) < 0 ? new RuleSet() : IptablesParser.Parse(dump.Span);
            ruleSet.Family = family;
        }
        catch (InvalidDumpException e)
        {
            await stderr.WriteLineAsync($"netview-agent snapshot: {backend.Binaries.For(family)} printed something unexpected: line {e.Line}: {e.Reason}");
            return CommandLine.BadInput;
        }

        var analysis = KubeProxyAnalyzer.Analyze(ruleSet);
        if (MixedBackendsCheck.Check(backend.NfTablesKubeRules, backend.LegacyKubeRules) is { } mixed)
        {
            analysis = analysis with { Findings = [.. analysis.Findings, mixed] };
        }

        AnalyzeCommand.Write(analysis, ruleSet, json, stdout, colour);
        return CommandLine.Ok;
    }
}
