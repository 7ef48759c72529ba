using System.Text;

namespace NetView.Core.Iptables.Parsing;

internal sealed partial class DumpReader
{
    private readonly List<(string Chain, string? Policy, Counters? Counters, int Line)> _pendingPolicies = [];
    private readonly Dictionary<string, (string? Policy, Counters? Counters, int Line)> _undecidedDeclarations = new(StringComparer.Ordinal);
    private bool _tableFromSpecs;

    private void BeginTable(int start, int end)
    {
        ResolveTargets();
        var name = Encoding.UTF8.GetString(_source, start + 1, end - start - 1);
        if (name.Length == 0 || name.AsSpan().IndexOfAny(' ', '\t') >= 0)
        {
            Unrecognised("a table line must be *NAME", start, end);
            return;
        }

        if (_table is not null && !_tableCommitted && !_tableFromSpecs)
        {
            Report(_tableLine, DiagnosticSeverity.Warning, $"table {_table.Name} ends without COMMIT; iptables-restore would not load it (truncated dump?)");
        }

        _recognised++;
        _sawTableHeader = true;
        if (_set.Table(name) is not null)
        {
            Report(DiagnosticSeverity.Warning, $"table {name} appears a second time; its rules are added to the first", start, end);
        }

        _table = _set.GetOrAddTable(_pool[_pool.Intern(start + 1, name.Length)]);
        if (_tablesBegun + 1 < _declarationsAtTables.Count)
        {
            // Room for the chains declared next at once: a kube-proxy nat table declares 100,000.
            // Only a size: a '*' line that is no table header shifts the counts and merely mis-sizes.
            _table.ReserveChains(_declarationsAtTables[_tablesBegun + 1] - _declarationsAtTables[_tablesBegun]);
            _tablesBegun++;
        }
        _tableCommitted = false;
        _tableFromSpecs = false;
        _tableLine = _lineNumber;
    }

    private void Commit()
    {
        ResolveTargets();
        _recognised++;
        if (_table is null || _tableCommitted || _tableFromSpecs)
        {
            Report(_lineNumber, DiagnosticSeverity.Warning, "COMMIT without a table");
        }

        _tableCommitted = true;
        _table = null;
    }

    /// <summary><c>:NAME POLICY [packets:bytes]</c>; the policy is <c>-</c> for user chains.</summary>
    private void DeclareChain(int start, int end)
    {
        var tokens = new Tokenizer(_source, start + 1, end);
        if (!tokens.Next(out var nameToken) || nameToken.NeedsUnescape)
        {
            Unrecognised("a chain declaration must be :NAME POLICY [packets:bytes]", start, end);
            return;
        }

        var nameId = _pool.Intern(nameToken.Start, nameToken.Length);
        var name = _pool[nameId];
        string? policy = null;
        Counters? counters = null;
        if (new ReadOnlySpan<byte>(_source, nameToken.End, end - nameToken.End).SequenceEqual(" - [0:0]"u8))
        {
            // How iptables-save declares every user chain (kube-proxy's 100,000 of them): no policy, no packets.
            counters = Counters.Zero;
        }
        else if (tokens.Next(out var policyToken))
        {
            policy = _pool[_pool.Intern(policyToken.Start, policyToken.Length)];
            if (policy == "-")
            {
                policy = null;
            }

            if (tokens.Next(out var countersToken))
            {
                if (CounterText.TryParseBracketed(_source, countersToken.Start, countersToken.End, out var parsed, out var after) && after == countersToken.End)
                {
                    counters = parsed;
                }
                else
                {
                    Report(DiagnosticSeverity.Warning, "chain counters are not [packets:bytes]; ignored", start, end);
                }
            }
        }

        _recognised++;
        if (Declare(name, policy, counters, _lineNumber) is { } chain)
        {
            // Rules and jumps find the chain through its name's pool entry, not the table's dictionary.
            _pool.First(nameId) = chain;
        }
    }

    private Chain? Declare(string name, string? policy, Counters? counters, int line)
    {
        var table = _table;
        if (table is null)
        {
            var inferred = TableInference.ForChain(name);
            if (inferred is null)
            {
                _undecidedDeclarations[name] = (policy, counters, line);
                return null;
            }

            table = InferredTable(inferred);
        }

        var chain = table.GetOrAddChain(name);
        if (chain.Declared)
        {
            Report(line, DiagnosticSeverity.Warning, $"chain {name} is declared twice in table {table.Name}");
        }

        chain.Declared = true;
        chain.Line = line;
        chain.Policy = policy;
        chain.PolicyCounters = counters;
        return chain;
    }

    /// <summary><c>-N</c>, <c>-P</c> and the other lines of <c>iptables -S</c>.</summary>
    private bool ReadSpecLine(int start, int end)
    {
        var tokens = new Tokenizer(_source, start, end);
        tokens.Next(out var command);
        var word = new ReadOnlySpan<byte>(_source, command.Start, command.Length);
        if (word.SequenceEqual("-A"u8) || word.SequenceEqual("--append"u8))
        {
            FlushPolicies();
            AddRule(start, end, null);
            return true;
        }

        if (word.SequenceEqual("-I"u8) || word.SequenceEqual("--insert"u8))
        {
            FlushPolicies();
            Report(DiagnosticSeverity.Warning, "-I inserts; read as if appended, so positions may differ from the kernel's", start, end);
            AddRule(start, end, null);
            return true;
        }

        if (word.SequenceEqual("-N"u8) || word.SequenceEqual("--new-chain"u8))
        {
            FlushPolicies();
            if (!tokens.Next(out var name))
            {
                Unrecognised("-N without a chain name", start, end);
                return true;
            }

            _sawSpecs = true;
            _recognised++;
            Declare(TokenString(name), null, null, _lineNumber);
            return true;
        }

        if (word.SequenceEqual("-P"u8) || word.SequenceEqual("--policy"u8))
        {
            ReadPolicy(ref tokens, start, end);
            return true;
        }

        return false;
    }

    /// <summary><c>-P CHAIN POLICY [-c P B]</c>. Consecutive -P lines open one table of <c>iptables -S</c>.</summary>
    private void ReadPolicy(ref Tokenizer tokens, int start, int end)
    {
        if (!tokens.Next(out var chain) || !tokens.Next(out var policy))
        {
            Unrecognised("-P needs a chain and a policy", start, end);
            return;
        }

        Counters? counters = null;
        if (tokens.Next(out var option) && tokens.Next(out var packets) && tokens.Next(out var bytes)
            && CounterText.TryParseListing(new ReadOnlySpan<byte>(_source, packets.Start, packets.Length), out var p, out _)
            && CounterText.TryParseListing(new ReadOnlySpan<byte>(_source, bytes.Start, bytes.Length), out var b, out _))
        {
            counters = new Counters(p, b);
            _set.HasCounters = true;
        }

        _sawSpecs = true;
        _recognised++;
        if (_table is not null && !_tableFromSpecs)
        {
            Declare(TokenString(chain), TokenString(policy), counters, _lineNumber);
            return;
        }

        if (_tableFromSpecs && _pendingPolicies.Count == 0)
        {
            _table = null; // a new -P after rules: the next table of the listing starts
            _tableFromSpecs = false;
        }

        _pendingPolicies.Add((TokenString(chain), TokenString(policy), counters, _lineNumber));
    }

    private void FlushPolicies()
    {
        if (_pendingPolicies.Count == 0)
        {
            return;
        }

        var builtins = new List<string>(_pendingPolicies.Count);
        foreach (var pending in _pendingPolicies)
        {
            builtins.Add(pending.Chain);
        }

        _table = InferredTable(TableInference.ForBuiltinChains(builtins));
        _tableFromSpecs = true;
        foreach (var (chain, policy, counters, line) in _pendingPolicies)
        {
            Declare(chain, policy, counters, line);
        }

        _pendingPolicies.Clear();
    }

    private Table InferredTable(string name)
    {
        var table = _set.GetOrAddTable(name);
        table.Inferred = true;
        _sawInferred = true;
        return table;
    }

    private string TokenString(Token token) => token.NeedsUnescape
        ? Tokenizer.Unescape(new ReadOnlySpan<byte>(_source, token.Start, token.Length))
        : _pool[_pool.Intern(token.Start, token.Length)];
}
