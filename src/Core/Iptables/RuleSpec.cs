namespace NetView.Core.Iptables;

/// <summary>
/// The decoded parts of one rule: what it matches, what it does, its comment. Built from the rule's
/// text by <see cref="Parsing.RuleSpecReader"/>, eagerly for rules the parser had to look at closely
/// and on first use for plain ones (see <see cref="Parsing.RuleDecoder"/>). Immutable.
/// </summary>
internal sealed class RuleSpec
{
    public AddressMatch? Source { get; init; }
    public AddressMatch? Destination { get; init; }
    public ValueMatch? Protocol { get; init; }
    public ValueMatch? InInterface { get; init; }
    public ValueMatch? OutInterface { get; init; }
    public Match[] Matches { get; init; } = [];
    public Target Target { get; init; } = Target.None;
    public string? Comment { get; init; }

    /// <summary>The save-form text when it had to be rebuilt (listings, <c>-S -v</c>); null when the input slice is the text.</summary>
    public string? Text { get; init; }
}
