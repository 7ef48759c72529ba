namespace NetView.Core.Iptables;

/// <summary><c>-p</c>, <c>-i</c> or <c>-o</c> as written, possibly negated (<c>! -o docker0</c>).</summary>
public sealed record ValueMatch(string Value, bool Negated = false)
{
    public override string ToString() => Negated ? "! " + Value : Value;
}
