using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace NetView.Core.Analysis.Tracing;

/// <summary>"ip:port" as NAT targets and kube-proxy write it: <c>10.244.1.5:8080</c>, <c>[fd00::5]:8080</c>, ranges <c>a-b:p-q</c>.</summary>
internal static class Endpoint
{
    public static bool TryParse(string? text, out IPAddress address, out int? port)
    {
        address = IPAddress.None;
        port = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (IPAddress.TryParse(text, out var bare) && !text.StartsWith('['))
        {
            address = bare;
            return true;
        }

        string host;
        string? portText;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }

            host = text[1..close];
            portText = close + 1 < text.Length && text[close + 1] == ':' ? text[(close + 2)..] : null;
        }
        else
        {
            var colon = text.LastIndexOf(':');
            host = colon < 0 ? text : text[..colon];
            portText = colon < 0 ? null : text[(colon + 1)..];
        }

        // A range (10.0.0.1-10.0.0.4, 80-90): the trace takes its first member.
        host = host.Split('-')[0];
        if (!IPAddress.TryParse(host, out var parsed))
        {
            return false;
        }

        address = parsed;
        if (portText is not null)
        {
            if (!int.TryParse(portText.Split('-')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p > 65535)
            {
                return false;
            }

            port = p;
        }

        return true;
    }

    public static string Format(IPAddress address, int port) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]:{port}" : $"{address}:{port}";
}
