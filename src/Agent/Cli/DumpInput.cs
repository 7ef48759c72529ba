using NetView.Core.Iptables;

namespace NetView.Agent.Cli;

/// <summary>
/// Reads a dump named on the command line (a file, or <c>-</c> for standard input) for any verb,
/// turning unreadable or invalid input into one clear line on stderr naming the file and line.
/// </summary>
internal static class DumpInput
{
    public static RuleSet? Load(string verb, string file, Func<Stream> openStdin, TextWriter stderr)
    {
        try
        {
            var ruleSet = file == "-" ? ParseStdin(openStdin) : IptablesParser.ParseFile(file);
            // What only the parse needed (its word pool, line counts: 10 MB for 300,000 rules) is
            // collected now, in one full collection, so that the analysis reuses that memory instead
            // of the process growing by it: peak RSS of analyze --json on the big dump 176 -> 160 MB
            // for ~15 ms (BENCHMARKS.md, session 5). The CLI runs one dump and exits; the server,
            // which parses while serving, leaves its collector alone.
            GC.Collect();
            return ruleSet;
        }
        catch (InvalidDumpException e)
        {
            var where = e.Line > 0 ? $"line {e.Line}: " : "";
            stderr.WriteLine($"netview-agent {verb}: {DisplayName(file)}: {where}{e.Reason}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"netview-agent {verb}: {DisplayName(file)}: cannot read it: {e.Message}");
        }

        return null;
    }

    private static RuleSet ParseStdin(Func<Stream> openStdin)
    {
        using var stdin = openStdin();
        using var buffer = new MemoryStream();
        stdin.CopyTo(buffer);
        // The rule set keeps the buffer (rules are slices of it), so it is handed over, not copied.
        return IptablesParser.Parse(buffer.GetBuffer(), (int)buffer.Length);
    }

    private static string DisplayName(string file) => file == "-" ? "standard input" : file;
}
