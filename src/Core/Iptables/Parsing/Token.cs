namespace NetView.Core.Iptables.Parsing;

/// <summary>
/// One word of a rule line as iptables-restore splits it: a slice of the input, its quotes
/// removed when it was simply quoted, or marked for unescaping when it held backslashes or
/// several quoted parts.
/// </summary>
internal readonly record struct Token(int Start, int Length, TokenFlags Flags)
{
    public int End => Start + Length;

    public bool IsQuoted => (Flags & TokenFlags.Quoted) != 0;

    public bool NeedsUnescape => (Flags & TokenFlags.Escaped) != 0;
}

[Flags]
internal enum TokenFlags : byte
{
    None = 0,
    Quoted = 1,
    /// <summary>The slice is the raw text (quotes and backslashes included) and must be unescaped.</summary>
    Escaped = 2,
    /// <summary>A quote was opened and never closed; the token runs to the end of the line.</summary>
    Unterminated = 4,
}
