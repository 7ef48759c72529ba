using NetView.Core.Iptables.Parsing;

namespace NetView.Core.Iptables;

/// <summary>
/// One rule as the kernel holds it: where it sits (table, chain, 1-based position as in
/// <c>iptables -L --line-numbers</c>), where it came from (input line, raw text), what it
/// matches, what it does, and its counters when the input had them. The raw text is kept beside
/// the parsed fields, as kube-proxy's own test parser does, so nothing is lost in translation.
/// </summary>
public sealed class Rule : IEquatable<Rule>
{
    private readonly RuleRows _rows;
    private readonly int _index;

    // A rule is a view of its row (RuleRows): made when asked for, equal to every other view of
    // the same row. Plain rules (most of a kube-proxy dump) keep only where their text lies, the
    // target and the counters; the rest is decoded from the text when first asked for, and a
    // decoded spec may be dropped again (RuleDecoder bounds how many it keeps).
    internal Rule(RuleRows rows, int index)
    {
        _rows = rows;
        _index = index;
    }

    private ref RuleRows.Row Row => ref _rows[_index];

    /// <summary>The rule set's rows this rule is a view of, and which row (<see cref="RuleRowList"/>).</summary>
    internal RuleRows Rows => _rows;

    internal int RowIndex => _index;

    private RuleDecoder? Decoder => _rows.Decoder;

    public string Table => Row.Chain.Table;
    public string Chain => Row.Chain.Name;

    /// <summary>1-based position in its chain.</summary>
    public int Number => _index - Row.Chain.FirstRow + 1;

    /// <summary>1-based line in the input the rule was read from.</summary>
    public int Line => Row.Line;

    /// <summary>
    /// The rule in <c>iptables-save</c> form without counters (<c>-A CHAIN ...</c>). For inputs in
    /// other shapes (<c>-L</c> listings) the parser writes the equivalent save form.
    /// Untrusted text from a node: render it escaped.
    /// </summary>
    public string Text =>
        Row.Spec?.Text ?? (Decoder is null ? "" : System.Text.Encoding.UTF8.GetString(Decoder.Source, Row.TextStart, Row.TextLength));

    /// <summary>
    /// The text's UTF-8 bytes without decoding them, when the text is a slice of the input: for
    /// comparing every rule of a big dump (duplicates) without 300,000 strings.
    /// </summary>
    internal bool TryGetTextSlice(out byte[] source, out int start, out int length) =>
        _rows.TryGetTextSlice(_index, out source, out start, out length);

    private RuleSpec Spec => Row.Spec ?? Decoder!.Decode(_rows, _index);

    /// <summary>True when the rule's parts can be read off its text: plain (as the scan saw), and not decoded at the moment.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Decoder))]
    private bool ReadsOffText(in RuleRows.Row row) => row.Spec is null && Decoder is not null && (row.Parts & RuleParts.Known) != 0;


    /// <summary>True when the scan saw that the rule has none of <paramref name="parts"/>: the answer needs no decoding.</summary>
    private bool Lacks(RuleParts parts) => (Row.Parts & RuleParts.Known) != 0 && (Row.Parts & parts) == 0;

    private const RuleParts AnyModule = ~(RuleParts.Known | RuleParts.Source | RuleParts.Destination | RuleParts.Protocol
        | RuleParts.InInterface | RuleParts.OutInterface);

    // Read off a plain rule's text: KUBE-SERVICES' "-p" and the cluster chains' "! -s" were
    // nearly every decode an analysis of a big dump made.
    public AddressMatch? Source =>
        Lacks(RuleParts.Source) ? null : TryPlainOperand((byte)'s', out var value, out var negated) ? new AddressMatch(value, negated) : Spec.Source;

    public AddressMatch? Destination =>
        Lacks(RuleParts.Destination) ? null : TryPlainOperand((byte)'d', out var value, out var negated) ? new AddressMatch(value, negated) : Spec.Destination;

    public ValueMatch? Protocol =>
        Lacks(RuleParts.Protocol) ? null : TryPlainOperand((byte)'p', out var value, out var negated) ? new ValueMatch(value, negated) : Spec.Protocol;

    public ValueMatch? InInterface =>
        Lacks(RuleParts.InInterface) ? null : TryPlainOperand((byte)'i', out var value, out var negated) ? new ValueMatch(value, negated) : Spec.InInterface;

    public ValueMatch? OutInterface =>
        Lacks(RuleParts.OutInterface) ? null : TryPlainOperand((byte)'o', out var value, out var negated) ? new ValueMatch(value, negated) : Spec.OutInterface;

    private bool TryPlainOperand(byte letter, out string value, out bool negated)
    {
        ref var row = ref Row;
        (value, negated) = ("", false);
        if (!ReadsOffText(row)
            || !PlainRuleOptions.TryOperand(Decoder.Source, row.TextStart, row.TextStart + row.TextLength, letter, out var read, out negated))
        {
            return false;
        }

        value = read!;
        return true;
    }

    /// <summary>Match modules in the order written (<c>-m comment</c>, <c>-m tcp</c>, ...).</summary>
    public IReadOnlyList<Match> Matches => Lacks(AnyModule) ? [] : Spec.Matches;

    public Target Target =>
        TargetHasOptions ? Spec.Target
        : Row.Spec?.Target ?? (RuleRows.TargetKindOf(Row) is var kind and not TargetKind.None ? new Target(kind, Row.TargetName, []) : Target.None);

    /// <summary>The target's name (a chain, ACCEPT, DNAT, ...), known without decoding the rule.</summary>
    public string TargetName => Row.TargetName;

    /// <summary>Jump, goto or none, known without decoding the rule.</summary>
    public TargetKind TargetKind => RuleRows.TargetKindOf(Row);

    /// <summary>True when options follow the target's name (DNAT <c>--to-destination</c>, ...).</summary>
    internal bool TargetHasOptions => RuleRows.TargetHasOptions(Row);

    /// <summary>Counters when the input carried them (<c>-c</c>, <c>-v</c>); null otherwise.</summary>
    public Counters? Counters => _rows.CountersOf(_index);

    /// <summary>The text of <c>-m comment --comment</c>, unquoted; null when there is none.</summary>
    public string? Comment =>
        Lacks(RuleParts.Comment) ? null
        // Every KUBE-SERVICES rule and most per-service rules carry one: read off a plain rule's text.
        : TryPlainMatchOption("comment", "--comment"u8, out _, out var plain) && plain is not null ? plain
        : Spec.Comment;

    /// <summary>
    /// <c>MatchOf(module)?.Option(option)?.Value</c> read from the text of a plain rule without
    /// decoding it; false when the rule must be decoded to tell (<see cref="PlainRuleOptions"/>).
    /// </summary>
    /// <param name="hasMatch">Whether the rule loads <paramref name="module"/> at all.</param>
    internal bool TryPlainMatchOption(string module, ReadOnlySpan<byte> option, out bool hasMatch, out string? value)
    {
        (hasMatch, value) = (false, null);
        var part = RulePartsOf.Module(module);
        ref var row = ref Row;
        if (!ReadsOffText(row) || part == RuleParts.OtherModule)
        {
            return false;
        }

        hasMatch = (row.Parts & part) != 0;
        return !hasMatch || PlainRuleOptions.TryMatchOption(Decoder.Source, row.TextStart, row.TextStart + row.TextLength, RulePartsOf.NameOf(part), option, out value, out _);
    }

    /// <summary><c>Target.Option(option)?.Value</c> read from the text of a plain rule without decoding it; false when it must be decoded.</summary>
    internal bool TryPlainTargetOption(ReadOnlySpan<byte> option, out string? value)
    {
        value = null;
        ref var row = ref Row;
        if (!ReadsOffText(row))
        {
            return false;
        }

        return (row.Flags & RuleRows.RowFlags.TargetHasOptions) == 0
            || PlainRuleOptions.TryTargetOption(Decoder.Source, row.TextStart, row.TextStart + row.TextLength, option, out value);
    }

    /// <summary>The first match loaded with this module name (e.g. <c>statistic</c>), or null.</summary>
    public Match? MatchOf(string module)
    {
        var part = RulePartsOf.Module(module);
        if (Lacks(part == RuleParts.OtherModule ? AnyModule : part))
        {
            return null;
        }

        foreach (var match in Spec.Matches)
        {
            if (match.Module == module)
            {
                return match;
            }
        }

        return null;
    }

    /// <summary>The first option with this name in any match module (e.g. <c>--dport</c>), or null.</summary>
    public MatchOption? Option(string name)
    {
        if (Lacks(AnyModule))
        {
            return null;
        }

        // KUBE-SERVICES' and the cluster chains' --dport, asked of every service port: off the text.
        ref var row = ref Row;
        if (ReadsOffText(row) && name.Length < 64)
        {
            Span<byte> option = stackalloc byte[name.Length];
            if (System.Text.Ascii.FromUtf16(name, option, out _) == System.Buffers.OperationStatus.Done
                && PlainRuleOptions.TryMatchOption(Decoder.Source, row.TextStart, row.TextStart + row.TextLength, [], option, out var value, out var negated))
            {
                return value is null ? null : new MatchOption(name, value, negated);
            }
        }

        foreach (var match in Spec.Matches)
        {
            var option = match.Option(name);
            if (option is not null)
            {
                return option;
            }
        }

        return null;
    }

    /// <summary><c>table/CHAIN#n</c>, the way findings and traces name a rule.</summary>
    public string Reference => $"{Table}/{Chain}#{Number}";

    public override string ToString() => Text;

    public bool Equals(Rule? other) => other is not null && ReferenceEquals(other._rows, _rows) && other._index == _index;

    public override bool Equals(object? obj) => Equals(obj as Rule);

    public override int GetHashCode() => HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(_rows), _index);
}
