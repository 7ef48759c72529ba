using NetView.Core.Iptables;

namespace NetView.Core.Analysis.Findings;

/// <summary>
/// A rule's text as UTF-8 bytes (a slice of the input when the parser kept one), compared and
/// hashed without decoding: the duplicate check looks at every rule of a dump.
/// </summary>
internal readonly struct RuleTextKey(byte[] bytes, int start, int length) : IEquatable<RuleTextKey>
{
    /// <summary>Rule <paramref name="index"/> of <paramref name="chain"/>: its slice of the input, or its text encoded when it has none.</summary>
    public static RuleTextKey Of(Chain chain, int index)
    {
        if (chain.TryGetTextSliceAt(index, out var source, out var start, out var length))
        {
            return new RuleTextKey(source, start, length);
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(chain.Rules[index].Text);
        return new RuleTextKey(bytes, 0, bytes.Length);
    }

    private ReadOnlySpan<byte> Span => new(bytes, start, length);

    public bool Equals(RuleTextKey other) => Span.SequenceEqual(other.Span);

    public override bool Equals(object? obj) => obj is RuleTextKey other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Span);
        return hash.ToHashCode();
    }
}
