using System.Globalization;
using System.Net;
using NetView.Core.Analysis.Tracing;

namespace NetView.Agent.Cli;

/// <summary>The options of <c>trace</c>, checked one by one so that an error names the option at fault.</summary>
internal sealed record TraceOptions(string File, TracePacket Packet, bool Json)
{
    public static bool TryParse(string[] args, out TraceOptions options, out string error)
    {
        options = null!;
        string? file = null, src = null, dst = null, dport = null, sport = null, proto = null, from = null;
        var nodeIps = new List<string>();
        var json = false;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg == "--json")
            {
                json = true;
                continue;
            }

            if (arg is "--src" or "--dst" or "--dport" or "--sport" or "--proto" or "--node-ip" or "--from")
            {
                if (i + 1 >= args.Length)
                {
                    error = $"{arg} needs a value.";
                    return false;
                }

                var value = args[++i];
                switch (arg)
                {
                    case "--src": src = value; break;
                    case "--dst": dst = value; break;
                    case "--dport": dport = value; break;
                    case "--sport": sport = value; break;
                    case "--proto": proto = value; break;
                    case "--from": from = value; break;
                    default: nodeIps.Add(value); break;
                }

                continue;
            }

            if ((arg.StartsWith('-') && arg != "-") || file is not null)
            {
                error = $"unexpected argument '{arg}'.";
                return false;
            }

            file = arg;
        }

        error = file is null ? "which dump? Give a file, or - for standard input."
            : src is null ? "--src is required."
            : dst is null ? "--dst is required."
            : dport is null ? "--dport is required."
            : "";
        if (error.Length > 0)
        {
            return false;
        }

        if (!TryAddress("--src", src!, out var source, out error) || !TryAddress("--dst", dst!, out var destination, out error)
            || !TryPort("--dport", dport!, out var destinationPort, out error))
        {
            return false;
        }

        int? sourcePort = null;
        if (sport is not null)
        {
            if (!TryPort("--sport", sport, out var port, out error))
            {
                return false;
            }

            sourcePort = port;
        }

        var protocol = (proto ?? "tcp").ToLowerInvariant();
        if (protocol is not ("tcp" or "udp" or "sctp"))
        {
            error = $"--proto '{proto}' is not tcp, udp or sctp.";
            return false;
        }

        PacketOrigin origin;
        switch ((from ?? "external").ToLowerInvariant())
        {
            case "external": origin = PacketOrigin.External; break;
            case "pod": origin = PacketOrigin.Pod; break;
            case "local" or "host": origin = PacketOrigin.Local; break;
            default:
                error = $"--from '{from}' is not external, pod or local.";
                return false;
        }

        var nodeAddresses = new List<IPAddress>();
        foreach (var nodeIp in nodeIps)
        {
            if (!TryAddress("--node-ip", nodeIp, out var address, out error))
            {
                return false;
            }

            nodeAddresses.Add(address);
        }

        if (source.AddressFamily != destination.AddressFamily)
        {
            error = $"--src {src} and --dst {dst} are of different address families.";
            return false;
        }

        options = new TraceOptions(file!, new TracePacket(source, destination, destinationPort, sourcePort, protocol, origin, nodeAddresses), json);
        return true;
    }

    private static bool TryAddress(string option, string text, out IPAddress address, out string error)
    {
        error = "";
        if (IPAddress.TryParse(text, out address!) && !text.Contains('/', StringComparison.Ordinal) && (text.Contains('.', StringComparison.Ordinal) || text.Contains(':', StringComparison.Ordinal)))
        {
            return true;
        }

        error = $"{option} '{text}' is not an IP address.";
        return false;
    }

    private static bool TryPort(string option, string text, out int port, out string error)
    {
        error = "";
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is >= 1 and <= 65535)
        {
            return true;
        }

        error = $"{option} '{text}' is not a port (1-65535).";
        return false;
    }
}
