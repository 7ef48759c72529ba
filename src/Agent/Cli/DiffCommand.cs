using NetView.Core.Analysis.Diff;

namespace NetView.Agent.Cli;

/// <summary>
/// <c>netview-agent diff OLD NEW [--json]</c>: what changed between two dumps of one node, by
/// meaning (service ports, endpoints, node ports) and by rule, with counter growth and rule counts.
/// Exit 0; exit 2 on unreadable or invalid input, naming the file and line.
/// </summary>
internal static class DiffCommand
{
    private const string Usage = "usage: netview-agent diff OLD NEW [--json]   (either may be - for standard input)";

    /// <summary>The text output lists at most this many rules per section; --json has them all.</summary>
    private const int MaxListed = 200;

    public static Task<int> RunAsync(string[] args) =>
        Task.FromResult(Run(args, Console.OpenStandardInput, Console.Out, Console.Error));

    public static int Run(string[] args, Func<Stream> openStdin, TextWriter stdout, TextWriter stderr)
    {
        var files = new List<string>();
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
            else if (arg.StartsWith('-') && arg != "-")
            {
                stderr.WriteLine($"netview-agent diff: unexpected argument '{arg}'.\n{Usage}");
                return CommandLine.BadInput;
            }
            else
            {
                files.Add(arg);
            }
        }

        if (files.Count != 2 || (files[0] == "-" && files[1] == "-"))
        {
            stderr.WriteLine($"netview-agent diff: give two dumps, the old one first (at most one of them -).\n{Usage}");
            return CommandLine.BadInput;
        }

        var oldRules = DumpInput.Load("diff", files[0], openStdin, stderr);
        var newRules = oldRules is null ? null : DumpInput.Load("diff", files[1], openStdin, stderr);
        if (oldRules is null || newRules is null)
        {
            return CommandLine.BadInput;
        }

        var difference = RuleSetDiff.Compare(oldRules, newRules);
        if (json)
        {
            stdout.WriteLine(DiffJson.Serialize(difference));
        }
        else
        {
            WriteText(files[0], files[1], difference, stdout);
        }

        stdout.Flush();
        return CommandLine.Ok;
    }

    private static void WriteText(string oldFile, string newFile, RuleSetDifference difference, TextWriter output)
    {
        output.WriteLine($"diff {TerminalText.Clean(oldFile)} -> {TerminalText.Clean(newFile)}");
        output.WriteLine();
        output.WriteLine(difference.Changes.Count == 0 ? "service ports: no change" : $"service ports: {difference.Changes.Count} change(s)");
        foreach (var change in difference.Changes.Take(MaxListed))
        {
            output.WriteLine($"  {TerminalText.Clean(change.Message)}");
        }

        More(difference.Changes.Count, output);
        output.WriteLine();
        output.WriteLine($"rules: {difference.Added.Count} added, {difference.Removed.Count} removed, {difference.Moved.Count} moved");
        Rules("+", difference.Added, output);
        Rules("-", difference.Removed, output);
        Rules("~", difference.Moved, output);
        if (difference.CounterDeltas.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("counters of rules in both (nat: connections, other tables: packets):");
            foreach (var delta in difference.CounterDeltas.OrderByDescending(d => d.Packets).Take(MaxListed))
            {
                output.WriteLine($"  {TerminalText.Clean(delta.Rule)}  +{delta.Packets} packets  +{delta.Bytes} bytes");
            }

            More(difference.CounterDeltas.Count, output);
        }

        output.WriteLine();
        output.WriteLine("rule counts:");
        foreach (var table in difference.Tables)
        {
            output.WriteLine($"  {table.Table,-10} {table.Old,7} -> {table.New,-7} {Signed(table.Change)}");
        }

        foreach (var chain in difference.Chains.Where(c => c.Change != 0).Take(MaxListed))
        {
            output.WriteLine($"    {TerminalText.Clean($"{chain.Table}/{chain.Chain}")}  {chain.Old} -> {chain.New}");
        }
    }

    private static void Rules(string sign, IReadOnlyList<RuleChange> rules, TextWriter output)
    {
        foreach (var rule in rules.Take(MaxListed))
        {
            var where = rule switch
            {
                { OldNumber: { } o, NewNumber: { } n } => $"#{o} -> #{n}",
                { NewNumber: { } n } => $"#{n}",
                { OldNumber: { } o } => $"#{o}",
                _ => "",
            };
            output.WriteLine($"  {sign} {TerminalText.Clean(rule.Table)}/{TerminalText.Clean(rule.Chain)}{where}  {TerminalText.Clean(rule.Text)}");
        }

        More(rules.Count, output);
    }

    private static void More(int count, TextWriter output)
    {
        if (count > MaxListed)
        {
            output.WriteLine($"  ... and {count - MaxListed} more (--json lists all)");
        }
    }

    private static string Signed(int change) => change switch { > 0 => $"+{change}", < 0 => $"{change}", _ => "" };
}
