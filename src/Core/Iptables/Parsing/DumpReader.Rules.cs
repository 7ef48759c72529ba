namespace NetView.Core.Iptables.Parsing;

internal sealed partial class DumpReader
{
    /// <summary>Adds the rule spec in <c>source[start..end)</c> (from <c>-A</c>) to its table and chain.</summary>
    private void AddRule(int start, int end, Counters? counters)
    {
        if (PlainRule.TryScan(_source, start, end, out var plain))
        {
            AddPlainRule(start, end, counters, plain);
            return;
        }

        var reader = _rules;
        if (!reader.Read(start, end))
        {
            ReportProblems(reader, start, end);
            Unrecognised("a rule without a chain name", start, end);
            return;
        }

        _recognised++;
        if (reader.TextOverride is not null)
        {
            _sawSpecs = true;
        }

        var table = _table ?? InferredTable(InferTable(reader.Chain, reader.Target.Name));
        Place(table, reader.ChainId, reader.Chain, reader.Pool, reader.Target.Name, reader.Target.Kind, false, reader.ToSpec(), RuleParts.None, counters ?? reader.Counters,
            _lineNumber, reader.SawIpv6Address, reader.TargetId, reader.TextStart, reader.TextLength);
        if (reader.Problems.Count > 0)
        {
            ReportProblems(reader, start, end);
        }
    }

    /// <summary>A rule written as iptables-save writes it: sliced now, decoded when first read (see <see cref="PlainRule"/>).</summary>
    private void AddPlainRule(int start, int end, Counters? counters, PlainRule plain)
    {
        _recognised++;
        var chainId = _chains.Intern(plain.Chain);
        var chainName = _pool[chainId];
        var (targetName, targetKind) = ("", TargetKind.None);
        var targetId = 0;
        // Under a *table line the target waits for its batch (DumpReader.Targets); without one, the
        // table is inferred from the target's name, which is needed now.
        var deferred = plain.Kind != TargetKind.None && _table is not null;
        if (plain.Kind != TargetKind.None && !deferred)
        {
            targetId = _pool.Intern(plain.Target.Start, plain.Target.Length);
            (targetName, targetKind) = (_pool[targetId], plain.Kind);
        }

        var table = _table ?? InferredTable(InferTable(chainName, targetName));
        var row = Place(table, chainId, chainName, _pool, targetName, targetKind, plain.TargetHasOptions, null, plain.Parts, counters, _lineNumber,
            plain.SawIpv6Address, targetId, start, end - start);
        if (deferred)
        {
            DeferTarget(table, row, plain.Target, plain.Kind);
        }
    }

    /// <summary>
    /// Appends a rule to its chain in <paramref name="table"/>: with its <paramref name="spec"/> when it
    /// was read in full, or with only its target's name and kind (its options stay in the text) when plain.
    /// </summary>
    /// <returns>The rule's row.</returns>
    private int Place(Table table, int chainId, string chainName, StringPool pool, string targetName, TargetKind targetKind, bool targetHasOptions, RuleSpec? spec,
        RuleParts parts, Counters? counters, int line, bool sawIpv6Address, int targetId, int textStart, int textLength)
    {
        var chain = ChainOf(table, chainId, chainName, pool, line);
        var row = new RuleRows.Row
        {
            Chain = chain,
            TargetName = targetName,
            Spec = spec,
            TextStart = textStart,
            TextLength = textLength,
            Line = line,
            Parts = parts,
            Flags = (targetHasOptions ? RuleRows.RowFlags.TargetHasOptions : 0) | (spec is null ? 0 : RuleRows.RowFlags.ReadInFull)
                | RuleRows.FlagOf(targetKind),
        };
        if (counters.HasValue)
        {
            _set.HasCounters = true;
        }

        var index = _rows.Add(row, counters);
        chain.Add(_rows, index);
        if (sawIpv6Address)
        {
            _set.Family = IpFamily.IPv6;
        }

        if (targetName.Length > 0 && !Target.IsBuiltinName(targetName))
        {
            CheckJump(table, targetName, index, targetId, pool);
        }

        return index;
    }

    private Chain ChainOf(Table table, int id, string name, StringPool pool, int line)
    {
        ref var slot = ref pool.First(id);
        if (slot is Chain cached && ReferenceEquals(cached.Table, table.Name))
        {
            return cached;
        }

        var chain = table.GetOrAddChain(name);
        if (chain.Line == 0)
        {
            chain.Line = line;
            if (_undecidedDeclarations.Remove(name, out var declaration))
            {
                chain.Declared = true;
                chain.Line = declaration.Line;
                chain.Policy = declaration.Policy;
                chain.PolicyCounters = declaration.Counters;
            }
        }

        slot = chain;
        return chain;
    }

    private void CheckJump(Table table, string targetName, int rule, int targetId, StringPool pool)
    {
        if (JumpKnown(table, targetId, pool))
        {
            return;
        }

        var existing = table.Chain(targetName);
        if (existing is null)
        {
            _unresolvedJumps.Add((rule, targetName, table));
        }
        else if (targetId != 0)
        {
            pool.First(targetId) = existing;
        }
    }

    /// <summary>True when pool word <paramref name="targetId"/> is known to name a chain of <paramref name="table"/>; only reads.</summary>
    private static bool JumpKnown(Table table, int targetId, StringPool pool) =>
        targetId != 0 && pool.First(targetId) is Chain cached && ReferenceEquals(cached.Table, table.Name);

    private string InferTable(string chain, string target)
    {
        var name = TableInference.ForRule(chain, target);
        if (name is not null)
        {
            return name;
        }

        foreach (var table in _set.Tables)
        {
            if (table.Inferred && table.Chain(chain) is not null)
            {
                return table.Name;
            }
        }

        return "filter";
    }

    private void ReportProblems(RuleSpecReader reader, int start, int end)
    {
        foreach (var (severity, message) in reader.Problems)
        {
            Report(_lineNumber, severity, message, start, end);
        }
    }

    private void ReadComment(ReadOnlySpan<byte> line)
    {
        if (line.StartsWith("# Generated by "u8))
        {
            _recognised++;
            ReadGeneratedBy(line["# Generated by "u8.Length..]);
        }
        else if (line.IndexOf("legacy tables present"u8) >= 0)
        {
            _recognised++;
            Report(_lineNumber, DiagnosticSeverity.Warning,
                "iptables-nft says legacy tables are present too: this node has rules in both backends, and this dump shows only one");
        }
    }

    /// <summary><c>iptables-save v1.8.10 (nf_tables) on ...</c>: the family and the backend.</summary>
    private void ReadGeneratedBy(ReadOnlySpan<byte> rest)
    {
        if (rest.StartsWith("ip6tables"u8))
        {
            _set.Family = IpFamily.IPv6;
        }

        string backend = rest.IndexOf("(nf_tables)"u8) >= 0 || rest.IndexOf("-nft-"u8) >= 0 ? "nf_tables" : "legacy";
        if (_set.Backend is null)
        {
            _set.Backend = backend;
        }
        else if (_set.Backend != backend)
        {
            Report(_lineNumber, DiagnosticSeverity.Warning, $"this part was saved by the {backend} backend, an earlier part by {_set.Backend}");
        }
    }
}
