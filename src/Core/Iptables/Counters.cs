namespace NetView.Core.Iptables;

/// <summary>
/// A rule's or a chain policy's packet and byte counters. In the nat table only the first packet
/// of a connection traverses the rules, so there these are connection counts.
/// </summary>
/// <param name="Approximate">True when the input printed a rounded value such as <c>12K</c> (<c>iptables -L</c> without <c>-x</c>).</param>
public readonly record struct Counters(long Packets, long Bytes, bool Approximate = false)
{
    public static readonly Counters Zero = new(0, 0);
}
