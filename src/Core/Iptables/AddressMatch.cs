namespace NetView.Core.Iptables;

/// <summary>
/// <c>-s</c>/<c>-d</c> as written: one or more comma-separated addresses or CIDRs, possibly
/// negated. Kept as text so that names (from <c>iptables -L</c> without <c>-n</c>) survive.
/// </summary>
public sealed record AddressMatch(string Value, bool Negated = false)
{
    public override string ToString() => Negated ? "! " + Value : Value;
}
