namespace NetView.Core.Wire;

/// <summary>Unsigned LEB128: 7 bits per byte, high bit set while more bytes follow.</summary>
internal static class Varint
{
    /// <summary>A 64-bit value never needs more than ten bytes.</summary>
    public const int MaxLength = 10;

    public static int Write(Span<byte> destination, ulong value)
    {
        var written = 0;
        while (value >= 0x80)
        {
            destination[written++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[written++] = (byte)value;
        return written;
    }

    /// <summary>Reads one value at <paramref name="position"/>; false when truncated or longer than ten bytes.</summary>
    public static bool TryRead(ReadOnlySpan<byte> source, ref int position, out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= source.Length)
            {
                return false;
            }

            var next = source[position++];
            if (shift == 63 && next > 1)
            {
                return false;
            }

            value |= (ulong)(next & 0x7F) << shift;
            if (next < 0x80)
            {
                return true;
            }
        }

        return false;
    }
}
