using System.Text;

namespace NetView.Core.Iptables.Parsing;

/// <summary>
/// Reads <c>iptables -L [-n] [-v] [-x] [--line-numbers]</c> output on a best-effort basis: chain
/// headers, the column header, and one row per rule, whose columns and trailing text are turned
/// into the equivalent save form and then read like any save rule. A listing does not name its
/// table, so one listing (chains until a chain name repeats) is held back until its table can be
/// told from its built-in chains, or from its chain names and targets.
/// </summary>
internal sealed partial class ListingReader
{
    private readonly DumpReader _dump;
    private readonly List<ListedChain> _block = [];
    private ListedChain? _chain;
    private ListingColumns? _columns;

    public ListingReader(DumpReader dump)
    {
        _dump = dump;
    }

    private sealed record ListedChain(string Name, string? Policy, Counters? PolicyCounters, int Line)
    {
        public List<ListedRule> Rules { get; } = [];
    }

    private sealed record ListedRule(int Line, string Target, string Text, Counters? Counters,
        List<(DiagnosticSeverity Severity, string Message)> Problems);

    /// <summary>Reads the line when it belongs to a listing; false otherwise (and the listing, if any, ends).</summary>
    public bool TryRead(int start, int indent, int end)
    {
        var line = new ReadOnlySpan<byte>(_dump.Source, start, end - start);
        if (indent == start && line.StartsWith("Chain "u8) && line.IndexOf(" ("u8) > 6)
        {
            ReadChainHeader(Encoding.UTF8.GetString(line));
            return true;
        }

        if (_chain is null)
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(line);
        if (ListingColumns.TryParseHeader(text) is { } columns)
        {
            _columns = columns;
            return true;
        }

        if (ReadRow(text))
        {
            return true;
        }

        EndOfListing();
        return false;
    }

    /// <summary>
    /// <c>Chain NAME (policy ACCEPT 0 packets, 0 bytes)</c>, <c>Chain NAME (policy DROP)</c>,
    /// <c>Chain NAME (2 references)</c>.
    /// </summary>
    private void ReadChainHeader(string line)
    {
        var open = line.IndexOf(" (", StringComparison.Ordinal);
        var name = line[6..open].Trim();
        var inside = line[(open + 2)..].TrimEnd(')', ' ');
        string? policy = null;
        Counters? counters = null;
        var words = inside.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length >= 2 && words[0] == "policy")
        {
            policy = words[1];
            if (words.Length >= 5 && CounterText.TryParseListing(Encoding.ASCII.GetBytes(words[2]), out var packets, out var approximatePackets)
                && CounterText.TryParseListing(Encoding.ASCII.GetBytes(words[4]), out var bytes, out var approximateBytes))
            {
                counters = new Counters(packets, bytes, approximatePackets || approximateBytes);
            }
        }

        // The same chain again, or a built-in chain after user chains: the next table's listing begins.
        if (_block.Exists(c => c.Name == name) || (policy is not null && _block.Exists(c => c.Policy is null)))
        {
            EndOfListing();
        }

        _chain = new ListedChain(name, policy, counters, _dump.LineNumber);
        _block.Add(_chain);
    }

    private bool ReadRow(string text)
    {
        var columns = _columns ?? ListingColumns.Guess(text);
        if (columns is null || !columns.TryRead(text, out var row))
        {
            return false;
        }

        _columns ??= columns;
        var problems = new List<(DiagnosticSeverity, string)>();
        var saveText = ListingRowTranslator.ToSaveForm(_chain!.Name, row, problems);
        _chain.Rules.Add(new ListedRule(_dump.LineNumber, row.Target, saveText, row.Counters, problems));
        return true;
    }

    /// <summary>Places the held-back listing into its table, now that all of it is known.</summary>
    public void EndOfListing()
    {
        _chain = null;
        _columns = null;
        if (_block.Count == 0)
        {
            return;
        }

        var table = _dump.ListingTable(TableOf(_block));
        foreach (var listed in _block)
        {
            _dump.DeclareListed(table, listed.Name, listed.Policy, listed.PolicyCounters, listed.Line);
            foreach (var rule in listed.Rules)
            {
                _dump.AddListedRule(table, rule.Line, rule.Text, rule.Counters, rule.Problems);
            }
        }

        _block.Clear();
    }

    private static string TableOf(List<ListedChain> block)
    {
        var builtins = new List<string>();
        foreach (var chain in block)
        {
            if (chain.Policy is not null)
            {
                builtins.Add(chain.Name);
            }
        }

        if (builtins.Count > 0)
        {
            return TableInference.ForBuiltinChains(builtins);
        }

        var nat = 0;
        var filter = 0;
        foreach (var chain in block)
        {
            Count(TableInference.ForChain(chain.Name));
            foreach (var rule in chain.Rules)
            {
                Count(TableInference.ForRule(chain.Name, rule.Target));
            }
        }

        return nat > filter ? TableInference.Nat : TableInference.Filter;

        void Count(string? table)
        {
            if (table == TableInference.Nat)
            {
                nat++;
            }
            else if (table == TableInference.Filter)
            {
                filter++;
            }
        }
    }
}
