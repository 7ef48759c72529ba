using System.Text;
using NetView.Core.Analysis.Json;
using NetView.Core.Iptables;
using NetView.Core.KubeProxy;

namespace NetView.Agent.Cli;

/// <summary>
/// <c>netview-agent analyze FILE|- [--json]</c>: parse a dump, explain what kube-proxy made of it.
/// Exit 0; exit 2 with the line and reason on stderr when the input is unreadable or no dump.
/// </summary>
internal static class AnalyzeCommand
{
    private const string Usage = "usage: netview-agent analyze FILE|- [--json]";

    public static Task<int> RunAsync(string[] args) =>
        Task.FromResult(Run(args, Console.OpenStandardInput, Console.OpenStandardOutput(), Console.Error, colour: UseColour()));

    /// <param name="openStdin">Opened only for <c>-</c>.</param>
    /// <param name="colour">ANSI colours; only for a terminal.</param>
    public static int Run(string[] args, Func<Stream> openStdin, Stream stdout, TextWriter stderr, bool colour)
    {
        string? file = null;
        var json = false;
        foreach (var arg in args)
        {
            if (arg == "--json")
            {
                json = true;
            }
            else if (arg is "-h" or "--help")
            {
                stderr.WriteLine(Usage);
                return CommandLine.Ok;
            }
            else if ((arg.StartsWith('-') && arg != "-") || file is not null)
            {
                stderr.WriteLine($"netview-agent analyze: unexpected argument '{arg}'.\n{Usage}");
                return CommandLine.BadInput;
            }
            else
            {
                file = arg;
            }
        }

        if (file is null)
        {
            stderr.WriteLine($"netview-agent analyze: which dump? Give a file, or - for standard input.\n{Usage}");
            return CommandLine.BadInput;
        }

        if (DumpInput.Load("analyze", file, openStdin, stderr) is not { } ruleSet)
        {
            return CommandLine.BadInput;
        }

        Write(KubeProxyAnalyzer.Analyze(ruleSet), ruleSet, json, stdout, colour);
        return CommandLine.Ok;
    }

    /// <summary>The analysis as text or as the <c>analyze --json</c> document; the snapshot verb prints the same way.</summary>
    public static void Write(KubeProxyAnalysis analysis, RuleSet ruleSet, bool json, Stream stdout, bool colour)
    {
        if (json)
        {
            AnalysisJson.Serialize(stdout, AnalysisDocument.From(analysis, ruleSet));
            stdout.Write("\n"u8);
            stdout.Flush();
        }
        else
        {
            using var writer = new StreamWriter(stdout, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
            new AnalysisTextWriter(writer, colour).Write(analysis, ruleSet);
        }
    }

    internal static bool UseColour() =>
        !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null or ""
        && Environment.GetEnvironmentVariable("TERM") is not "dumb";
}
