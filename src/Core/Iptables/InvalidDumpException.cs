namespace NetView.Core.Iptables;

/// <summary>
/// The input is not an iptables dump at all: empty, binary, or without a single line that any
/// iptables output shape explains. Anything less broken yields a <see cref="RuleSet"/> with
/// diagnostics instead.
/// </summary>
public sealed class InvalidDumpException : Exception
{
    public InvalidDumpException(int line, string reason)
        : base(line > 0 ? $"line {line}: {reason}" : reason)
    {
        Line = line;
        Reason = reason;
    }

    /// <summary>1-based line the reason refers to; 0 when it concerns the whole input.</summary>
    public int Line { get; }

    public string Reason { get; }
}
