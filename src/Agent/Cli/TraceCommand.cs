using System.Globalization;
using System.Net;
using NetView.Core.Analysis.Tracing;

namespace NetView.Agent.Cli;

/// <summary>
/// <c>netview-agent trace FILE|- --src IP --dst IP --dport N [--sport N] [--proto tcp|udp|sctp]
/// [--node-ip IP ...] [--from external|pod|local] [--json]</c>: where does this packet go.
/// Exit 0; exit 2 with a message naming the option or line on bad input.
/// </summary>
internal static class TraceCommand
{
    private const string Usage = "usage: netview-agent trace FILE|- --src IP --dst IP --dport N [--sport N] [--proto tcp|udp|sctp] [--node-ip IP ...] [--from external|pod|local] [--json]";

    public static Task<int> RunAsync(string[] args) =>
        Task.FromResult(Run(args, Console.OpenStandardInput, Console.Out, Console.Error));

    public static int Run(string[] args, Func<Stream> openStdin, TextWriter stdout, TextWriter stderr)
    {
        if (args.Any(a => a is "-h" or "--help"))
        {
            stderr.WriteLine(Usage);
            return CommandLine.Ok;
        }

        if (!TraceOptions.TryParse(args, out var options, out var error))
        {
            stderr.WriteLine($"netview-agent trace: {error}\n{Usage}");
            return CommandLine.BadInput;
        }

        var rules = DumpInput.Load("trace", options.File, openStdin, stderr);
        if (rules is null)
        {
            return CommandLine.BadInput;
        }

        var result = PacketTracer.Trace(rules, options.Packet);
        if (options.Json)
        {
            stdout.WriteLine(TraceJson.Serialize(result));
        }
        else
        {
            WriteText(result, stdout);
        }

        stdout.Flush();
        return CommandLine.Ok;
    }

    private static void WriteText(TraceResult result, TextWriter output)
    {
        var packet = result.Packet;
        var from = packet.Origin.ToString().ToLowerInvariant();
        var sport = packet.SourcePort?.ToString(CultureInfo.InvariantCulture) ?? "*";
        output.WriteLine($"trace {packet.Protocol} {packet.Source}:{sport} -> {packet.Destination}:{packet.DestinationPort} from {from}" +
            (packet.NodeAddressList.Count > 0 ? $" (node {string.Join(", ", packet.NodeAddressList)})" : ""));
        output.WriteLine($"{result.Outcomes.Count} outcome(s)");
        foreach (var outcome in result.Outcomes)
        {
            output.WriteLine();
            var percent = (outcome.Probability * 100).ToString("0.##", CultureInfo.InvariantCulture);
            output.WriteLine($"{percent,7}%  {outcome.Verdict}{(outcome.Destination is { } d ? " -> " + d : "")}  masquerade: {(outcome.Masquerade ? "yes" : "no")}");
            var width = outcome.Rules.Count == 0 ? 0 : outcome.Rules.Max(r => r.Reference.Length);
            foreach (var rule in outcome.Rules)
            {
                output.WriteLine($"          {TerminalText.Clean(rule.Reference).PadRight(width)}  {TerminalText.Clean(rule.Text)}");
            }

            foreach (var explanation in outcome.Explanations)
            {
                output.WriteLine($"          - {TerminalText.Clean(explanation)}");
            }
        }

        foreach (var note in result.Notes)
        {
            output.WriteLine();
            output.WriteLine($"note: {TerminalText.Clean(note)}");
        }
    }
}
