using System.Globalization;

namespace NetView.Core.Analysis.Tracing;

/// <summary>
/// Ports as <c>--dport</c>, <c>--sport</c> and <c>multiport</c> write them: <c>53</c>,
/// <c>30000:32767</c>, <c>:1023</c>, <c>1024:</c>, and comma lists of those.
/// </summary>
internal static class PortSet
{
    /// <summary>True/false when the text parses; null when it does not (a service name, say).</summary>
    public static bool? Contains(string text, int port)
    {
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                if (!TryPort(part, out var single))
                {
                    return null;
                }

                if (single == port)
                {
                    return true;
                }

                continue;
            }

            var low = 0;
            var high = 65535;
            if ((colon > 0 && !TryPort(part[..colon], out low)) || (colon < part.Length - 1 && !TryPort(part[(colon + 1)..], out high)))
            {
                return null;
            }

            if (port >= low && port <= high)
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryPort(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= 65535;
}
