using System.Text;

namespace NetView.Core.Iptables.Parsing;

internal sealed partial class DumpReader
{
    public Table ListingTable(string name) => InferredTable(name);

    public void DeclareListed(Table table, string name, string? policy, Counters? counters, int line)
    {
        var chain = table.GetOrAddChain(name);
        chain.Declared = true;
        chain.Line = line;
        chain.Policy = policy;
        chain.PolicyCounters = counters;
    }

    /// <summary>Adds a listing row, already written in save form, to its chain.</summary>
    public void AddListedRule(Table table, int line, string text, Counters? counters,
        List<(DiagnosticSeverity Severity, string Message)> problems)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new RuleSpecReader(bytes, new StringPool(bytes, bytes.Length));
        foreach (var (severity, message) in problems)
        {
            Report(line, severity, message);
        }

        if (!reader.Read(0, bytes.Length))
        {
            Report(line, DiagnosticSeverity.Error, "a listing row could not be read as a rule");
            return;
        }

        foreach (var (severity, message) in reader.Problems)
        {
            Report(line, severity, message + " (in the save form written for this listing row: " + text + ")");
        }

        Place(table, reader.ChainId, reader.Chain, reader.Pool, reader.Target.Name, reader.Target.Kind, false, reader.ToSpec(text), RuleParts.None, counters, line,
            reader.SawIpv6Address, reader.TargetId, 0, 0);
    }
}
