using NetView.Core.Iptables.Parsing;

namespace NetView.Core.Iptables;

/// <summary>
/// One rule as the kernel holds it: where it sits (table, chain, 1-based position as in
/// <c>iptables -L --line-numbers</c>), where it came from (input line, raw text), what it
/// matches, what it does, and its counters when the input had them. The raw text is kept beside
/// the parsed fields, as kube-proxy's own test parser does, so nothing is lost in translation.
/// </summary>
public sealed class Rule
{
    private readonly Chain _chain;
    private readonly RuleDecoder? _decoder;
    private readonly int _textStart;
    private readonly int _textLength;
    private readonly long _packets;
    private readonly long _bytes;
    private readonly CounterKind _counters;

    // Plain rules (most of a kube-proxy dump) keep only where their text lies, the target and the
    // counters; the rest is decoded from the text when first asked for, and a decoded spec may be
    // dropped again (RuleDecoder bounds how many it keeps). 300,000 decoded rules would take five
    // times the memory of the dump itself.
    private readonly Target _target;
    private readonly bool _targetHasOptions;
    private readonly RuleParts _parts;
    private RuleSpec? _spec;

    /// <param name="target">The target, or (with <paramref name="targetHasOptions"/>) its kind and name only, options decoded later.</param>
    /// <param name="spec">The decoded rule; null for a plain rule, decoded on first use.</param>
    /// <param name="parts">What a plain rule holds, as its scan saw; <see cref="RuleParts.None"/> when unknown.</param>
    internal Rule(Chain chain, int number, int line, Counters? counters, Target target, bool targetHasOptions, RuleSpec? spec,
        RuleParts parts, RuleDecoder? decoder, int textStart, int textLength)
    {
        _parts = parts;
        _chain = chain;
        Number = number;
        Line = line;
        _target = target;
        _targetHasOptions = targetHasOptions;
        _spec = spec;
        _decoder = decoder;
        _textStart = textStart;
        _textLength = textLength;
        if (counters is { } value)
        {
            _packets = value.Packets;
            _bytes = value.Bytes;
            _counters = value.Approximate ? CounterKind.Approximate : CounterKind.Exact;
        }
    }

    private enum CounterKind : byte
    {
        None,
        Exact,
        Approximate,
    }

    public string Table => _chain.Table;
    public string Chain => _chain.Name;

    /// <summary>1-based position in its chain.</summary>
    public int Number { get; }

    /// <summary>1-based line in the input the rule was read from.</summary>
    public int Line { get; }

    /// <summary>
    /// The rule in <c>iptables-save</c> form without counters (<c>-A CHAIN ...</c>). For inputs in
    /// other shapes (<c>-L</c> listings) the parser writes the equivalent save form.
    /// Untrusted text from a node: render it escaped.
    /// </summary>
    public string Text =>
        _spec?.Text ?? (_decoder is null ? "" : System.Text.Encoding.UTF8.GetString(_decoder.Source, _textStart, _textLength));

    /// <summary>
    /// The text's UTF-8 bytes without decoding them, when the text is a slice of the input: for
    /// comparing every rule of a big dump (duplicates) without 300,000 strings.
    /// </summary>
    internal bool TryGetTextSlice(out byte[] source, out int start, out int length)
    {
        (source, start, length) = (_decoder?.Source!, _textStart, _textLength);
        return _decoder is not null && _spec?.Text is null;
    }

    private RuleSpec Spec => _spec ?? Decode();

    private RuleSpec Decode() => _decoder!.Decode(this, _textStart, _textLength);

    /// <summary>Keeps a spec decoded on demand, or (null) lets go of it; <see cref="RuleDecoder"/> calls it, under its lock.</summary>
    internal void Keep(RuleSpec? spec) => _spec = spec;

    /// <summary>True when the scan saw that the rule has none of <paramref name="parts"/>: the answer needs no decoding.</summary>
    private bool Lacks(RuleParts parts) => (_parts & RuleParts.Known) != 0 && (_parts & parts) == 0;

    private const RuleParts AnyModule = ~(RuleParts.Known | RuleParts.Source | RuleParts.Destination | RuleParts.Protocol
        | RuleParts.InInterface | RuleParts.OutInterface);

    public AddressMatch? Source => Lacks(RuleParts.Source) ? null : Spec.Source;
    public AddressMatch? Destination => Lacks(RuleParts.Destination) ? null : Spec.Destination;
    public ValueMatch? Protocol => Lacks(RuleParts.Protocol) ? null : Spec.Protocol;
    public ValueMatch? InInterface => Lacks(RuleParts.InInterface) ? null : Spec.InInterface;
    public ValueMatch? OutInterface => Lacks(RuleParts.OutInterface) ? null : Spec.OutInterface;

    /// <summary>Match modules in the order written (<c>-m comment</c>, <c>-m tcp</c>, ...).</summary>
    public IReadOnlyList<Match> Matches => Lacks(AnyModule) ? [] : Spec.Matches;

    public Target Target => _targetHasOptions ? Spec.Target : _target;

    /// <summary>The target's name (a chain, ACCEPT, DNAT, ...), known without decoding the rule.</summary>
    public string TargetName => _target.Name;

    /// <summary>Jump, goto or none, known without decoding the rule.</summary>
    public TargetKind TargetKind => _target.Kind;

    /// <summary>True when options follow the target's name (DNAT <c>--to-destination</c>, ...).</summary>
    internal bool TargetHasOptions => _targetHasOptions;

    /// <summary>Counters when the input carried them (<c>-c</c>, <c>-v</c>); null otherwise.</summary>
    public Counters? Counters => _counters == CounterKind.None ? null : new Counters(_packets, _bytes, _counters == CounterKind.Approximate);

    /// <summary>The text of <c>-m comment --comment</c>, unquoted; null when there is none.</summary>
    public string? Comment => Lacks(RuleParts.Comment) ? null : Spec.Comment;

    /// <summary>
    /// <c>MatchOf(module)?.Option(option)?.Value</c> read from the text of a plain rule without
    /// decoding it; false when the rule must be decoded to tell (<see cref="PlainRuleOptions"/>).
    /// </summary>
    /// <param name="hasMatch">Whether the rule loads <paramref name="module"/> at all.</param>
    internal bool TryPlainMatchOption(string module, ReadOnlySpan<byte> option, out bool hasMatch, out string? value)
    {
        (hasMatch, value) = (false, null);
        var part = RulePartsOf.Module(module);
        if (_spec is not null || _decoder is null || (_parts & RuleParts.Known) == 0 || part == RuleParts.OtherModule)
        {
            return false;
        }

        hasMatch = (_parts & part) != 0;
        return !hasMatch || PlainRuleOptions.TryMatchOption(_decoder.Source, _textStart, _textStart + _textLength, RulePartsOf.NameOf(part), option, out value);
    }

    /// <summary><c>Target.Option(option)?.Value</c> read from the text of a plain rule without decoding it; false when it must be decoded.</summary>
    internal bool TryPlainTargetOption(ReadOnlySpan<byte> option, out string? value)
    {
        value = null;
        if (_spec is not null || _decoder is null || (_parts & RuleParts.Known) == 0)
        {
            return false;
        }

        return !_targetHasOptions || PlainRuleOptions.TryTargetOption(_decoder.Source, _textStart, _textStart + _textLength, option, out value);
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
}
