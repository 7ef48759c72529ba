using System.Text;

namespace NetView.Core.Iptables.Parsing;

/// <summary>
/// Reads one option's value straight from a plain rule's text, without decoding the rule: what
/// <c>MatchOf(module)?.Option(name)?.Value</c> and <c>Target.Option(name)?.Value</c> give. A plain
/// rule (<see cref="PlainRule"/>) has no stray words, no dashed values and its target last, so the
/// first word spelled like the option, where an option may stand, is it. The analyzer asks this of
/// every KUBE-SVC and KUBE-SEP rule of a big dump (the probability, the DNAT destination).
/// Answers false when it cannot tell (a second match of the module, an option with several values);
/// the caller then decodes.
/// </summary>
internal static class PlainRuleOptions
{
    /// <summary>
    /// The value of <paramref name="option"/> in the first <c>-m <paramref name="module"/></c> match, or with
    /// an empty <paramref name="module"/> in the first match module that has it, and whether a <c>!</c>
    /// before it negates it (null: no such option there).
    /// </summary>
    public static bool TryMatchOption(byte[] source, int start, int end, ReadOnlySpan<byte> module, ReadOnlySpan<byte> option,
        out string? value, out bool negated)
    {
        (value, negated) = (null, false);
        var anyModule = module.IsEmpty;
        var tokens = new Tokenizer(source, start, end);
        tokens.Next(out _); // -A
        tokens.Next(out _); // the chain
        var inModule = false;
        while (NextNegatable(source, ref tokens, out var token, out var negate))
        {
            if (token.Flags != TokenFlags.None || !IsDashed(source, token))
            {
                continue;
            }

            var letter = source[token.Start + 1];
            if (token.Length == 2 && letter is (byte)'j' or (byte)'g')
            {
                return true; // the target comes last: no (first) match of the module has the option
            }

            if (token.Length == 2 && letter == (byte)'m')
            {
                if (inModule && !anyModule)
                {
                    return true; // past the first match of the module, which did not have it
                }

                tokens.Next(out var name);
                inModule = anyModule || Span(source, name).SequenceEqual(module);
                continue;
            }

            if (token.Length == 2 && letter is (byte)'s' or (byte)'d' or (byte)'p' or (byte)'i' or (byte)'o')
            {
                PlainRule.TryOperand(source, ref tokens, out _);
                continue;
            }

            if (inModule && Span(source, token).SequenceEqual(option))
            {
                negated = negate;
                return TrySingleValue(source, ref tokens, out value);
            }
        }

        return true;
    }

    /// <summary>The value of the target's <paramref name="option"/> (null: the target has no such option).</summary>
    public static bool TryTargetOption(byte[] source, int start, int end, ReadOnlySpan<byte> option, out string? value)
    {
        value = null;
        var tokens = new Tokenizer(source, start, end);
        tokens.Next(out _); // -A
        tokens.Next(out _); // the chain
        var inTarget = false;
        while (tokens.Next(out var token))
        {
            if (token.Flags != TokenFlags.None || !IsDashed(source, token))
            {
                continue;
            }

            var letter = source[token.Start + 1];
            if (!inTarget)
            {
                if (token.Length == 2 && letter is (byte)'m' or (byte)'s' or (byte)'d' or (byte)'p' or (byte)'i' or (byte)'o')
                {
                    PlainRule.TryOperand(source, ref tokens, out _);
                }
                else if (token.Length == 2 && letter is (byte)'j' or (byte)'g')
                {
                    tokens.Next(out _);
                    inTarget = true;
                }

                continue;
            }

            if (Span(source, token).SequenceEqual(option))
            {
                return TrySingleValue(source, ref tokens, out value);
            }
        }

        return true;
    }

    /// <summary>
    /// The operand of <c>-<paramref name="letter"/></c> (<c>s</c>, <c>d</c>, <c>p</c>, <c>i</c>, <c>o</c>) and
    /// whether <c>!</c> negates it, before the option or after it; the last one written counts, as
    /// for the reader. False when the rule does not have it (the caller asks only when it does).
    /// </summary>
    public static bool TryOperand(byte[] source, int start, int end, byte letter, out string? value, out bool negated)
    {
        (value, negated) = (null, false);
        var tokens = new Tokenizer(source, start, end);
        tokens.Next(out _); // -A
        tokens.Next(out _); // the chain
        while (NextNegatable(source, ref tokens, out var token, out var negate))
        {
            if (token.Flags != TokenFlags.None || token.Length != 2 || source[token.Start] != (byte)'-')
            {
                continue;
            }

            var option = source[token.Start + 1];
            if (option is (byte)'j' or (byte)'g')
            {
                break; // the target comes last
            }

            if (option == (byte)'m')
            {
                tokens.Next(out _);
                continue;
            }

            if (option is not ((byte)'s' or (byte)'d' or (byte)'p' or (byte)'i' or (byte)'o'))
            {
                continue;
            }

            if (!tokens.Next(out var operand) || operand.Flags != TokenFlags.None)
            {
                return false;
            }

            if (IsBang(source, operand))
            {
                negate = true;
                if (!tokens.Next(out operand) || operand.Flags != TokenFlags.None)
                {
                    return false;
                }
            }

            if (option == letter)
            {
                (value, negated) = (Encoding.UTF8.GetString(source, operand.Start, operand.Length), negate);
            }
        }

        return value is not null;
    }

    /// <summary>The next word that is not <c>!</c>, and whether a <c>!</c> stood right before it.</summary>
    private static bool NextNegatable(byte[] source, ref Tokenizer tokens, out Token token, out bool negated)
    {
        negated = false;
        while (tokens.Next(out token))
        {
            if (token.Flags != TokenFlags.None || !IsBang(source, token))
            {
                return true;
            }

            negated = true;
        }

        return false;
    }

    private static bool IsDashed(byte[] source, Token token) => token.Length >= 2 && source[token.Start] == (byte)'-';

    private static ReadOnlySpan<byte> Span(byte[] source, Token token) => new(source, token.Start, token.Length);

    /// <summary>The option's one value; false when it has several (the reader joins those), none, or a <c>!</c> after it.</summary>
    private static bool TrySingleValue(byte[] source, ref Tokenizer tokens, out string? value)
    {
        value = null;
        var after = tokens;
        // An option without a value, "--option ! value" and the like are rare: the reader tells.
        if (!after.Next(out var first) || (first.Flags == TokenFlags.None && (IsDashed(source, first) || IsBang(source, first))))
        {
            return false;
        }

        var next = after;
        if (next.Next(out var second) && (second.Flags != TokenFlags.None || (!IsDashed(source, second) && !IsBang(source, second))))
        {
            return false;
        }

        value = Encoding.UTF8.GetString(source, first.Start, first.Length);
        return true;
    }

    private static bool IsBang(byte[] source, Token token) => token.Length == 1 && source[token.Start] == (byte)'!';
}
