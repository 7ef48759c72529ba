namespace NetView.Core.Iptables.Parsing;

/// <summary>
/// The quick look the parser takes at a save-form rule (<c>-A CHAIN ...</c>): its chain and target,
/// and whether it is plain, that is written the way iptables-save writes rules, so that
/// <see cref="RuleSpecReader"/> will read it later without a single problem to report. A plain
/// rule is only sliced now and decoded on first use; anything else (quotes with escapes, options
/// before any match, <c>-c</c>, long option spellings, <c>[unsupported revision]</c>, stray words)
/// is read in full at once, so every diagnostic is still reported while parsing.
/// </summary>
internal readonly struct PlainRule
{
    public Token Chain { get; private init; }

    /// <summary>The target's name; default when the rule has none.</summary>
    public Token Target { get; private init; }

    public TargetKind Kind { get; private init; }

    /// <summary>True when options follow the target's name (DNAT <c>--to-destination</c>, ...).</summary>
    public bool TargetHasOptions { get; private init; }

    /// <summary>True when <c>-s</c> or <c>-d</c> holds an IPv6 address.</summary>
    public bool SawIpv6Address { get; private init; }

    /// <summary>Which operands and match modules the rule has.</summary>
    public RuleParts Parts { get; private init; }

    /// <summary>Looks at <c>source[start..end)</c>, which starts with <c>-A </c>; false when the rule is not plain.</summary>
    public static bool TryScan(byte[] source, int start, int end, out PlainRule rule)
    {
        rule = default;
        var tokens = new Tokenizer(source, start, end);
        tokens.Next(out _); // -A
        if (!tokens.Next(out var chain) || chain.Flags != TokenFlags.None)
        {
            return false;
        }

        Token target = default;
        var kind = TargetKind.None;
        var targetHasOptions = false;
        var ipv6 = false;
        var inMatch = false;
        var parts = RuleParts.Known;
        Token option = default;
        var optionOpen = false;
        var optionHasValue = false;
        while (tokens.Next(out var token))
        {
            if (token.Flags != TokenFlags.None)
            {
                // A simply quoted word is a value (a comment); anything fancier is left to the reader.
                if (token.Flags != TokenFlags.Quoted || !optionOpen)
                {
                    return false;
                }

                optionHasValue = true;
                continue;
            }

            var first = source[token.Start];
            if (token.Length == 1 && first == (byte)'!')
            {
                continue;
            }

            if (first != (byte)'-' || token.Length < 2)
            {
                if (!optionOpen || (first == (byte)'[' && new ReadOnlySpan<byte>(source, token.Start, token.Length).SequenceEqual("[unsupported"u8)))
                {
                    return false;
                }

                optionHasValue = true;
                continue;
            }

            // The reader takes a dashed word as the value of an option that needs one (--comment -x).
            if (optionOpen && !optionHasValue
                && OptionArity.TakesValue(System.Text.Encoding.ASCII.GetString(source, option.Start, option.Length)))
            {
                return false;
            }

            optionOpen = false;
            if (kind != TargetKind.None)
            {
                targetHasOptions = true;
            }

            if (token.Length == 2)
            {
                switch (source[token.Start + 1])
                {
                    case (byte)'m':
                        if (kind != TargetKind.None || !tokens.Next(out var module) || module.Flags != TokenFlags.None)
                        {
                            return false;
                        }

                        inMatch = true;
                        parts |= RulePartsOf.Module(new ReadOnlySpan<byte>(source, module.Start, module.Length));
                        continue;
                    case (byte)'j' or (byte)'g':
                        if (kind != TargetKind.None || !tokens.Next(out target) || target.Flags != TokenFlags.None)
                        {
                            return false;
                        }

                        kind = source[token.Start + 1] == (byte)'j' ? TargetKind.Jump : TargetKind.Goto;
                        continue;
                    case (byte)'s' or (byte)'d' or (byte)'p' or (byte)'i' or (byte)'o':
                        if (kind != TargetKind.None || !TryOperand(source, ref tokens, out var operand))
                        {
                            return false;
                        }

                        parts |= RulePartsOf.Operand(source[token.Start + 1]);
                        ipv6 |= source[token.Start + 1] is (byte)'s' or (byte)'d'
                            && new ReadOnlySpan<byte>(source, operand.Start, operand.Length).IndexOf((byte)':') >= 0;
                        continue;
                    case (byte)'c':
                        return false;
                }
            }
            else if (source[token.Start + 1] == (byte)'-' && IsReaderKeyword(new ReadOnlySpan<byte>(source, token.Start, token.Length)))
            {
                return false; // --match, --jump, --source, ...: the long spellings the reader knows, rare in saved rules
            }

            if (!inMatch && kind == TargetKind.None)
            {
                return false;
            }

            option = token;
            optionOpen = true;
            optionHasValue = false;
        }

        rule = new PlainRule
        {
            Chain = chain,
            Target = target,
            Kind = kind,
            TargetHasOptions = targetHasOptions,
            SawIpv6Address = ipv6,
            Parts = parts,
        };
        return true;
    }

    private static bool IsReaderKeyword(ReadOnlySpan<byte> word) => word.Length switch
    {
        5 => word.SequenceEqual("--src"u8) || word.SequenceEqual("--dst"u8),
        6 => word.SequenceEqual("--jump"u8) || word.SequenceEqual("--goto"u8),
        7 => word.SequenceEqual("--match"u8),
        8 => word.SequenceEqual("--source"u8),
        10 => word.SequenceEqual("--protocol"u8),
        13 => word.SequenceEqual("--destination"u8),
        14 => word.SequenceEqual("--in-interface"u8) || word.SequenceEqual("--set-counters"u8),
        15 => word.SequenceEqual("--out-interface"u8),
        _ => false,
    };

    /// <summary>The operand of -s/-d/-p/-i/-o (or a module's name after -m), after an optional <c>!</c> (the old spelling).</summary>
    internal static bool TryOperand(byte[] source, ref Tokenizer tokens, out Token operand)
    {
        if (!tokens.Next(out operand))
        {
            return false;
        }

        if (operand.Length == 1 && operand.Flags == TokenFlags.None && source[operand.Start] == (byte)'!' && !tokens.Next(out operand))
        {
            return false;
        }

        return operand.Flags == TokenFlags.None;
    }
}
