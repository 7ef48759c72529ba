namespace NetView.Core.Iptables;

/// <summary>
/// One rule as the kernel holds it: where it sits (table, chain, 1-based position as in
/// <c>iptables -L --line-numbers</c>), where it came from (input line, raw text), what it
/// matches, what it does, and its counters when the input had them. The raw text is kept beside
/// the parsed fields, as kube-proxy's own test parser does, so nothing is lost in translation.
/// </summary>
public sealed class Rule
{
    public required string Table { get; init; }
    public required string Chain { get; init; }

    /// <summary>1-based position in its chain.</summary>
    public required int Number { get; init; }

    /// <summary>1-based line in the input the rule was read from.</summary>
    public required int Line { get; init; }

    /// <summary>
    /// The rule in <c>iptables-save</c> form without counters (<c>-A CHAIN ...</c>). For inputs in
    /// other shapes (<c>-L</c> listings) the parser writes the equivalent save form.
    /// Untrusted text from a node: render it escaped.
    /// </summary>
    public string Text
    {
        get => _text ??= _source is null ? "" : System.Text.Encoding.UTF8.GetString(_source, _textStart, _textLength);
        init
        {
            _text = value;
            _textGiven = true;
        }
    }

    // Big dumps keep their rule text as a slice of the input bytes until someone reads it: most
    // analyses never look at the text of most rules, and 300,000 decoded strings would double
    // the memory a dump needs.
    private string? _text;
    private byte[]? _source;
    private int _textStart;
    private int _textLength;

    /// <summary>Sets the text when the parser had to rebuild it (listings, <c>-S -v</c> counters removed).</summary>
    internal void SetText(string text)
    {
        _text = text;
        _textGiven = true;
    }

    // True when the text was given rather than sliced from the input, so the slice (if any) is not it.
    private bool _textGiven;

    /// <summary>
    /// The text's UTF-8 bytes without decoding them, when the text is still a slice of the input:
    /// for comparing every rule of a big dump (duplicates) without 300,000 strings.
    /// </summary>
    internal bool TryGetTextSlice(out byte[] source, out int start, out int length)
    {
        (source, start, length) = (_source!, _textStart, _textLength);
        return _source is not null && !_textGiven;
    }

    /// <summary>Takes the text from a slice of the UTF-8 input, decoded on first use.</summary>
    internal void SetTextSource(byte[] source, int start, int length)
    {
        _source = source;
        _textStart = start;
        _textLength = length;
    }

    public AddressMatch? Source { get; init; }
    public AddressMatch? Destination { get; init; }
    public ValueMatch? Protocol { get; init; }
    public ValueMatch? InInterface { get; init; }
    public ValueMatch? OutInterface { get; init; }

    /// <summary>Match modules in the order written (<c>-m comment</c>, <c>-m tcp</c>, ...).</summary>
    public IReadOnlyList<Match> Matches { get; init; } = [];

    public Target Target { get; init; } = Target.None;

    /// <summary>Counters when the input carried them (<c>-c</c>, <c>-v</c>); null otherwise.</summary>
    public Counters? Counters { get; init; }

    /// <summary>The text of <c>-m comment --comment</c>, unquoted; null when there is none.</summary>
    public string? Comment { get; init; }

    /// <summary>The first match loaded with this module name (e.g. <c>statistic</c>), or null.</summary>
    public Match? MatchOf(string module)
    {
        // Indexed: foreach over an IReadOnlyList boxes an enumerator, and these run for every rule.
        for (var i = 0; i < Matches.Count; i++)
        {
            var match = Matches[i];
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
        // Indexed: foreach over an IReadOnlyList boxes an enumerator, and these run for every rule.
        for (var i = 0; i < Matches.Count; i++)
        {
            var match = Matches[i];
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
