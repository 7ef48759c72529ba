using System.Globalization;

namespace NetView.Core.Analysis.Tracing;

/// <summary>Packet marks as iptables prints them: <c>0x4000</c>, <c>0x4000/0x4000</c>, or decimal.</summary>
internal static class MarkValue
{
    public static bool TryParse(string? text, out uint value, out uint mask)
    {
        value = 0;
        mask = uint.MaxValue;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return TryNumber(text, out value);
        }

        return TryNumber(text[..slash], out value) && TryNumber(text[(slash + 1)..], out mask);
    }

    private static bool TryNumber(string text, out uint number) =>
        text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? uint.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out number)
            : uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number);

    public static string Format(uint mark) => "0x" + mark.ToString("x", CultureInfo.InvariantCulture);
}
