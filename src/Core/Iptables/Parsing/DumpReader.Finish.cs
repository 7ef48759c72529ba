namespace NetView.Core.Iptables.Parsing;

internal sealed partial class DumpReader
{
    /// <summary>A line no iptables output shape explains: a prompt, an elision, or prose.</summary>
    private void ReadOther(ReadOnlySpan<byte> line)
    {
        var start = _lineStart;
        var end = _lineEnd;
        if (PasteText.IsElision(line))
        {
            Report(DiagnosticSeverity.Info, "lines were left out here ('...'): the input is incomplete", start, end);
            return;
        }

        if (PasteText.IsShellPrompt(line))
        {
            Report(DiagnosticSeverity.Info, "a shell prompt, skipped", start, end);
            return;
        }

        if (line.IndexOf((byte)0) >= 0)
        {
            Unrecognised("binary data, not iptables output; skipped", start, end);
            return;
        }

        Unrecognised("not iptables output; skipped", start, end);
    }

    private void Finish()
    {
        ResolveTargets();
        FlushPolicies();
        _listing.EndOfListing();
        if (_table is not null && !_tableCommitted && !_tableFromSpecs)
        {
            Report(_tableLine, DiagnosticSeverity.Warning,
                $"table {_table.Name} ends without COMMIT; iptables-restore would not load it (truncated dump?)");
        }

        if (_recognised == 0)
        {
            throw new InvalidDumpException(_firstUnrecognisedLine,
                _firstUnrecognisedReason is null ? "no iptables rules, chains or tables in the input" : "nothing in the input is iptables output: " + _firstUnrecognisedReason);
        }

        foreach (var (name, declaration) in _undecidedDeclarations)
        {
            var chain = InferredTable(TableInference.Filter).GetOrAddChain(name);
            chain.Declared = true;
            chain.Line = declaration.Line;
            chain.Policy = declaration.Policy;
            chain.PolicyCounters = declaration.Counters;
        }

        ResolveJumps();
        _rows.Regroup(_set.Tables);
        _set.Format = _sawListing ? InputFormat.Listing
            : _sawTableHeader ? (_sawSaveCounters ? InputFormat.SaveWithCounters : InputFormat.Save)
            : _sawSpecs ? InputFormat.RuleSpecs
            : InputFormat.Fragment;
        if (_sawInferred)
        {
            Report(0, DiagnosticSeverity.Info, _set.Format == InputFormat.Listing
                ? "the listing does not name its table: tables were inferred from chain names and targets"
                : "the input has no *table lines: tables were inferred from chain names and targets (KUBE-SVC/SEP/SVL/EXT/FW, DNAT, MASQUERADE: nat; REJECT, ACCEPT, DROP, KUBE-FORWARD: filter)");
        }

        if (_droppedDiagnostics > 0)
        {
            _set.AddDiagnostic(new Diagnostic(0, DiagnosticSeverity.Warning, $"{_droppedDiagnostics} more diagnostics were not kept"));
        }
    }

    /// <summary>
    /// Jumps to chains the input never declared nor filled: the chain is created undeclared, so
    /// that the reference is kept and can be reported, and nothing is guessed about it.
    /// </summary>
    private void ResolveJumps()
    {
        // In the order of the rules: targets looked up in batches join the list after the rules read in full.
        _unresolvedJumps.Sort((a, b) => a.Rule.CompareTo(b.Rule));
        foreach (var (index, name, table) in _unresolvedJumps)
        {
            if (table.Chain(name) is not null)
            {
                continue;
            }

            var rule = new Rule(_rows, index);
            var chain = table.GetOrAddChain(name);
            chain.Line = rule.Line;
            var severity = table.Inferred ? DiagnosticSeverity.Info : DiagnosticSeverity.Warning;
            Report(rule.Line, severity, table.Inferred
                ? $"{rule.Reference} jumps to {name}, which this excerpt does not contain"
                : $"{rule.Reference} jumps to {name}, which table {table.Name} does not declare");
        }
    }
}
