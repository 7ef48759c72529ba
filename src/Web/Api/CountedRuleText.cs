using System.Globalization;
using System.Text;
using NetView.Core.Iptables;

namespace NetView.Web.Api;

/// <summary>
/// Turns a stored rule text (no counters) and a node's current counters back into the
/// <c>iptables-save -c</c> text the agent read, so the very same parser and analyzer as the CLI's
/// produce the analysis document with connections.
/// </summary>
internal static class CountedRuleText
{
    public static string Build(ReadOnlySpan<byte> text, IReadOnlyList<Counters> counters)
    {
        var builder = new StringBuilder(text.Length + (counters.Count * 12));
        var slot = 0;
        foreach (var range in text.Split((byte)'\n'))
        {
            var line = text[range];
            if (line.StartsWith("-A "u8) && slot < counters.Count)
            {
                builder.Append(CultureInfo.InvariantCulture, $"[{counters[slot].Packets}:{counters[slot].Bytes}] ");
                slot++;
            }

            builder.Append(Encoding.UTF8.GetString(line)).Append('\n');
        }

        return builder.ToString();
    }
}
