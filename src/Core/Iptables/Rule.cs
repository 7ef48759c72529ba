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
        init => _text = value;
    }

    // Big dumps keep their rule text as a slice of the input bytes until someone reads it: most
    // analyses never look at the text of most rules, and 300,000 decoded strings would double
    // the memory a dump needs.
    private string? _text;
    private byte[]? _source;
    private int _textStart;
    private int _textLength;

    /// <summary>
    /// <see cref="Text"/> as UTF-8 without decoding it into a string: the slice of the input while
    /// the rule points into it, else the encoded text. For comparing or hashing many rules at once.
    /// </summary>
    internal ReadOnlyMemory<byte> TextUtf8 => _source is not null
        ? new ReadOnlyMemory<byte>(_source, _textStart, _textLength)
        : System.Text.Encoding.UTF8.GetBytes(Text);

    /// <summary>Sets the text when the parser had to rebuild it (listings, <c>-S -v</c> counters removed).</summary>
    internal void SetText(string text) => _text = text;

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
        foreach (var match in Matches)
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
        foreach (var match in Matches)
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
