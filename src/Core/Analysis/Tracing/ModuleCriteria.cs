using System.Globalization;
using System.Net;
using System.Net.Sockets;
using NetView.Core.Iptables;

namespace NetView.Core.Analysis.Tracing;

/// <summary>
/// The criteria of one match module (<c>-m NAME ...</c>) for a branch's packet, the first packet
/// of a new connection. Modules the trace cannot decide yield an even chance, explained.
/// </summary>
internal static class ModuleCriteria
{
    public static IEnumerable<Criterion> Of(Match match, PacketState state, TraceContext context)
    {
        switch (match.Module)
        {
            case "comment":
                yield break;
            case "tcp" or "udp" or "sctp" or "udplite":
                if (match.Module != state.Protocol)
                {
                    yield return Criterion.False;
                    yield break;
                }

                foreach (var option in match.Options)
                {
                    yield return Transport(option, state);
                }

                yield break;
            case "multiport":
                foreach (var option in match.Options)
                {
                    yield return Multiport(option, state);
                }

                yield break;
            case "icmp" or "icmp6" or "icmpv6":
                yield return Criterion.False;
                yield break;
            case "limit" or "hashlimit" or "connlimit":
                // One unknown per module: its options together describe one rate.
                var rate = Describe(match);
                yield return new Criterion(null, 0.5,
                    $"{rate}: assumed under the limit (the rate of traffic is unknown; weighted 1/2)",
                    $"{rate}: assumed over the limit (weighted 1/2)");
                yield break;
            case "addrtype" or "mark" or "connmark" or "conntrack" or "state" or "statistic" or "iprange" or "pkttype" or "set":
                foreach (var option in match.Options)
                {
                    yield return Option(match.Module, option, state, context);
                }

                yield break;
            default:
                yield return Criterion.Unknown(Describe(match));
                yield break;
        }
    }

    private static string Describe(Match match) =>
        $"-m {match.Module} " + string.Join(' ', match.Options.Select(o => $"{(o.Negated ? "! " : "")}{o.Name} {o.Value}".TrimEnd()));

    private static Criterion Transport(MatchOption option, PacketState state) => option.Name switch
    {
        "--dport" or "--destination-port" => Ports(option, state.DestinationPort),
        "--sport" or "--source-port" => Ports(option, state.SourcePort),
        // The traced packet opens a connection: a SYN (tcp) or INIT (sctp).
        "--syn" => Criterion.Of(!option.Negated),
        "--tcp-flags" => TcpFlags(option),
        _ => Criterion.Unknown($"{option.Name} {option.Value}".Trim()),
    };

    private static Criterion Multiport(MatchOption option, PacketState state) => option.Name switch
    {
        "--dports" or "--destination-ports" => Ports(option, state.DestinationPort),
        "--sports" or "--source-ports" => Ports(option, state.SourcePort),
        "--ports" => PortsEither(option, state),
        _ => Criterion.Unknown($"multiport {option.Name}"),
    };

    private static Criterion PortsEither(MatchOption option, PacketState state)
    {
        var value = option.Value ?? "";
        var hit = PortSet.Contains(value, state.DestinationPort) == true || PortSet.Contains(value, state.SourcePort) == true;
        return Criterion.Of(hit != option.Negated);
    }

    private static Criterion Ports(MatchOption option, int port) =>
        PortSet.Contains(option.Value ?? "", port) is { } hit
            ? Criterion.Of(hit != option.Negated)
            : Criterion.Unknown($"port '{option.Value}' is not a number");

    private static Criterion TcpFlags(MatchOption option)
    {
        var parts = (option.Value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2)
        {
            return Criterion.Unknown($"--tcp-flags {option.Value}");
        }

        var mask = parts[0].Split(',');
        var set = parts[1].Split(',');
        bool Has(string[] list, string flag) => list.Contains(flag) || list.Contains("ALL");

        // A first packet carries SYN alone.
        var hit = new[] { "SYN", "ACK", "FIN", "RST", "URG", "PSH" }
            .Where(f => Has(mask, f))
            .All(f => Has(set, f) == (f == "SYN"));
        return Criterion.Of(hit != option.Negated);
    }

    private static Criterion Option(string module, MatchOption option, PacketState state, TraceContext context)
    {
        var criterion = (module, option.Name) switch
        {
            ("addrtype", "--src-type") => Criterion.Of(AddressTypes(option.Value, state.Source, context)),
            ("addrtype", "--dst-type") => Criterion.Of(AddressTypes(option.Value, state.Destination, context)),
            ("addrtype", "--limit-iface-in" or "--limit-iface-out") => Criterion.True,
            ("mark", "--mark") => Mark(option.Value, state.Mark),
            ("connmark", "--mark") => Mark(option.Value, state.ConnMark),
            ("conntrack", "--ctstate") or ("state", "--state") => Criterion.Of(States(option.Value, state)),
            ("conntrack", "--ctdir") => Criterion.Of(string.Equals(option.Value, "ORIGINAL", StringComparison.OrdinalIgnoreCase)),
            ("conntrack", "--ctproto") => Criterion.Of(string.Equals(option.Value, state.Protocol, StringComparison.OrdinalIgnoreCase)),
            ("conntrack", "--ctorigdst") => Address(option.Value, state.OriginalDestination),
            ("conntrack", "--ctorigsrc") => Address(option.Value, state.OriginalSource),
            ("conntrack", "--ctorigdstport") => PortsOf(option.Value, state.OriginalDestinationPort),
            ("conntrack", "--ctstatus") => Criterion.Of((option.Value ?? "").Split(',').Any(s => s is "NONE")),
            ("statistic", "--mode") => Criterion.True,
            ("statistic", "--probability") => Probability(option.Value),
            ("statistic", "--every") => Nth(option.Value),
            ("statistic", "--packet") => Criterion.True,
            ("iprange", "--src-range") => Range(option.Value, state.Source),
            ("iprange", "--dst-range") => Range(option.Value, state.Destination),
            ("pkttype", "--pkt-type") => Criterion.Of(string.Equals(option.Value, "unicast", StringComparison.OrdinalIgnoreCase)),
            ("set", "--match-set") => new Criterion(null, 0.5,
                $"-m set --match-set {option.Value}: assumed in the ipset (its members are not in the dump; weighted 1/2)",
                $"-m set --match-set {option.Value}: assumed not in the ipset (weighted 1/2)"),
            ("set", _) => Criterion.True,
            _ => Criterion.Unknown($"-m {module} {option.Name} {option.Value}".TrimEnd()),
        };
        return criterion.Negated(option.Negated);
    }

    private static bool AddressTypes(string? types, IPAddress address, TraceContext context)
    {
        var local = context.IsLocal(address);
        var multicast = address.AddressFamily == AddressFamily.InterNetworkV6 ? address.IsIPv6Multicast : (address.GetAddressBytes()[0] & 0xF0) == 0xE0;
        var broadcast = address.Equals(IPAddress.Broadcast);
        foreach (var type in (types ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var hit = type.ToUpperInvariant() switch
            {
                "LOCAL" => local,
                "UNICAST" => !multicast && !broadcast,
                "MULTICAST" => multicast,
                "BROADCAST" => broadcast,
                _ => false,
            };
            if (hit)
            {
                return true;
            }
        }

        return false;
    }

    private static Criterion Mark(string? value, uint mark)
    {
        if (!MarkValue.TryParse(value, out var expected, out var mask))
        {
            return Criterion.Unknown($"--mark {value}");
        }

        return Criterion.Of((mark & mask) == expected);
    }

    private static bool States(string? states, PacketState state)
    {
        foreach (var name in (states ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var hit = name.ToUpperInvariant() switch
            {
                "NEW" => !state.Untracked,
                "UNTRACKED" => state.Untracked,
                "DNAT" => state.Dnat,
                "SNAT" => state.Snat,
                _ => false,
            };
            if (hit)
            {
                return true;
            }
        }

        return false;
    }

    private static Criterion Address(string? value, IPAddress address)
    {
        var any = false;
        foreach (var part in (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!AddressPattern.TryParse(part, out var pattern))
            {
                return Criterion.Unknown($"address '{part}'");
            }

            any |= pattern!.Contains(address);
        }

        return Criterion.Of(any);
    }

    private static Criterion PortsOf(string? value, int port) =>
        PortSet.Contains(value ?? "", port) is { } hit ? Criterion.Of(hit) : Criterion.Unknown($"port '{value}'");

    private static Criterion Probability(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var p)
            ? Criterion.Chance(p, null!, null!)
            : Criterion.Unknown($"--probability {value}");

    private static Criterion Nth(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var every) && every > 0
            ? Criterion.Chance(1.0 / every,
                $"statistic --mode nth --every {every}: this is the one connection in {every} it takes (weighted 1/{every})",
                $"statistic --mode nth --every {every}: one of the {every - 1} in {every} it lets pass")
            : Criterion.Unknown($"--every {value}");

    private static Criterion Range(string? value, IPAddress address)
    {
        var parts = (value ?? "").Split('-', 2);
        if (parts.Length != 2 || !IPAddress.TryParse(parts[0], out var low) || !IPAddress.TryParse(parts[1], out var high)
            || low.AddressFamily != address.AddressFamily || high.AddressFamily != address.AddressFamily)
        {
            return Criterion.Unknown($"range '{value}'");
        }

        var bytes = address.GetAddressBytes();
        return Criterion.Of(bytes.AsSpan().SequenceCompareTo(low.GetAddressBytes()) >= 0
            && bytes.AsSpan().SequenceCompareTo(high.GetAddressBytes()) <= 0);
    }
}
