using System.Globalization;
using System.Net;
using NetView.Core.Analysis.Tracing;

namespace NetView.Web.ViewModels;

/// <summary>
/// The tracer form as the reader typed it (and as the URL carries it, so a trace is a deep link).
/// <see cref="TryBuild"/> turns it into a <see cref="TracePacket"/> or says which field is wrong,
/// with the same rules as <c>netview-agent trace</c>.
/// </summary>
public sealed class TraceRequest
{
    public string? Node { get; set; }
    public string? Source { get; set; } = "10.244.0.99";
    public string? Destination { get; set; }
    public string? DestinationPort { get; set; }
    public string? SourcePort { get; set; }
    public string Protocol { get; set; } = "tcp";
    public PacketOrigin Origin { get; set; } = PacketOrigin.Pod;

    /// <summary>The node's own addresses, comma or space separated (they are LOCAL for <c>addrtype</c>).</summary>
    public string? NodeAddresses { get; set; }

    public bool TryBuild(out TracePacket packet, out string error)
    {
        packet = default!;
        if (!TryAddress(Source, "source", out var source, out error)
            || !TryAddress(Destination, "destination", out var destination, out error)
            || !TryPort(DestinationPort, "destination port", required: true, out var dport, out error)
            || !TryPort(SourcePort, "source port", required: false, out var sport, out error))
        {
            return false;
        }

        if (source.AddressFamily != destination.AddressFamily)
        {
            error = "source and destination must both be IPv4 or both IPv6";
            return false;
        }

        if (Protocol is not ("tcp" or "udp" or "sctp"))
        {
            error = "protocol must be tcp, udp or sctp";
            return false;
        }

        var nodeAddresses = new List<IPAddress>();
        foreach (var part in (NodeAddresses ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!IPAddress.TryParse(part, out var address))
            {
                error = $"node address '{part}' is not an IP address";
                return false;
            }

            nodeAddresses.Add(address);
        }

        packet = new TracePacket(source, destination, dport!.Value, sport, Protocol, Origin, nodeAddresses);
        return true;
    }

    private static bool TryAddress(string? text, string field, out IPAddress address, out string error)
    {
        error = "";
        if (IPAddress.TryParse(text?.Trim(), out address!))
        {
            return true;
        }

        error = string.IsNullOrWhiteSpace(text) ? $"{field} address is required" : $"{field} '{text}' is not an IP address";
        return false;
    }

    private static bool TryPort(string? text, string field, bool required, out int? port, out string error)
    {
        port = null;
        error = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = required ? $"{field} is required" : "";
            return !required;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= 65535)
        {
            port = value;
            return true;
        }

        error = $"{field} '{text}' must be a number from 1 to 65535";
        return false;
    }
}
