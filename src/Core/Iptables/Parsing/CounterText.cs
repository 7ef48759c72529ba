using System.Buffers.Text;

namespace NetView.Core.Iptables.Parsing;

/// <summary>Counters as the iptables tools print them: <c>[packets:bytes]</c>, and <c>12K</c>-style listing numbers.</summary>
internal static class CounterText
{
    /// <summary>Reads <c>[P:B]</c> at <paramref name="start"/>; <paramref name="after"/> is the index after the bracket.</summary>
    public static bool TryParseBracketed(byte[] source, int start, int end, out Counters counters, out int after)
    {
        counters = default;
        after = start;
        var span = new ReadOnlySpan<byte>(source, start + 1, end - start - 1);
        if (!Utf8Parser.TryParse(span, out long packets, out var used) || used >= span.Length || span[used] != (byte)':')
        {
            return false;
        }

        span = span[(used + 1)..];
        var offset = start + 1 + used + 1;
        if (!Utf8Parser.TryParse(span, out long bytes, out used) || used >= span.Length || span[used] != (byte)']')
        {
            return false;
        }

        counters = new Counters(packets, bytes);
        after = offset + used + 1;
        return true;
    }

    /// <summary>
    /// A listing number: digits, optionally followed by K, M, G, T (powers of 1000, as iptables
    /// prints them without <c>-x</c>); such a number is only approximate.
    /// </summary>
    public static bool TryParseListing(ReadOnlySpan<byte> text, out long value, out bool approximate)
    {
        approximate = false;
        if (!Utf8Parser.TryParse(text, out value, out var used) || used == 0)
        {
            return false;
        }

        if (used == text.Length)
        {
            return true;
        }

        if (used + 1 != text.Length)
        {
            return false;
        }

        long factor = text[used] switch
        {
            (byte)'K' => 1_000,
            (byte)'M' => 1_000_000,
            (byte)'G' => 1_000_000_000,
            (byte)'T' => 1_000_000_000_000,
            _ => 0,
        };
        if (factor == 0)
        {
            return false;
        }

        value *= factor;
        approximate = true;
        return true;
    }
}
