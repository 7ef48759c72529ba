using System.Globalization;
using System.Text;

namespace NetView.Core.Iptables.Parsing;

internal sealed partial class ListingExtras
{
    /// <summary><c>tcp spt:1 dpt:53</c>, <c>udp dpts:!1000:2000</c>, <c>tcp flags:0x17/0x02</c>; a bare <c>tcp</c> is <c>-m tcp</c>.</summary>
    private void Ports(string module)
    {
        var part = new StringBuilder("-m ").Append(module);
        while (PeekWord() is { } word && PortOption(word) is { } option)
        {
            NextWord(out _, out _);
            var value = word[(word.IndexOf(':') is var colon and >= 0 ? colon + 1 : word.IndexOf('=') + 1)..];
            var negated = value.StartsWith('!');
            if (negated)
            {
                value = value[1..];
            }

            value = option == "--tcp-flags" ? TcpFlags(value) : option == "--tcp-option" ? value : PortNumbers(value, ':');
            part.Append(negated ? " ! " : " ").Append(option).Append(' ').Append(value);
        }

        Matches.Add(part.ToString());
    }

    private static string? PortOption(string word)
    {
        var colon = word.IndexOf(':');
        var key = colon < 0 ? (word.StartsWith("option=", StringComparison.Ordinal) ? "option" : "") : word[..colon];
        return key switch
        {
            "spt" or "spts" => "--sport",
            "dpt" or "dpts" => "--dport",
            "flags" => "--tcp-flags",
            "option" => "--tcp-option",
            _ => null,
        };
    }

    /// <summary>Port numbers or well-known names, in a range (<c>a:b</c>) or a list (<c>a,b</c>).</summary>
    private string PortNumbers(string ports, char separator)
    {
        var parts = ports.Split(separator);
        for (var i = 0; i < parts.Length; i++)
        {
            var number = ServiceNames.ToNumber(parts[i]);
            if (number is null)
            {
                Problems.Add((DiagnosticSeverity.Warning,
                    $"port '{parts[i]}' is a service name from the node's /etc/services; its number cannot be known (list with -n)"));
            }
            else
            {
                parts[i] = number;
            }
        }

        return string.Join(separator, parts);
    }

    /// <summary><c>0x17/0x02</c> (with -n) or <c>FIN,SYN,RST,ACK/SYN</c> as iptables-save writes it.</summary>
    private static string TcpFlags(string value)
    {
        var slash = value.IndexOf('/');
        if (slash < 0)
        {
            return value;
        }

        return FlagNames(value[..slash]) + " " + FlagNames(value[(slash + 1)..]);
    }

    private static string FlagNames(string flags)
    {
        if (!flags.StartsWith("0x", StringComparison.Ordinal)
            || !int.TryParse(flags.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var bits))
        {
            return flags;
        }

        string[] names = ["FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR"];
        if (bits == 0)
        {
            return "NONE";
        }

        var set = new List<string>();
        for (var i = 0; i < names.Length; i++)
        {
            if ((bits & (1 << i)) != 0)
            {
                set.Add(names[i]);
            }
        }

        return string.Join(',', set);
    }

    /// <summary><c>multiport dports 80,443</c>.</summary>
    private void Multiport()
    {
        var direction = Take();
        var (not, ports) = TakeNegatable();
        Matches.Add($"-m multiport {not}--{direction} {PortNumbers(ports, ',')}");
    }

    /// <summary><c>statistic mode random probability 0.5</c> or <c>statistic mode nth every 2 packet 0</c>.</summary>
    private void Statistic()
    {
        var part = new StringBuilder("-m statistic");
        if (TakeIf("mode"))
        {
            part.Append(" --mode ").Append(Take());
        }

        while (PeekWord() is "!" or "probability" or "every" or "packet")
        {
            var word = Take();
            if (word == "!")
            {
                part.Append(" !");
                continue;
            }

            part.Append(" --").Append(word).Append(' ').Append(Take());
        }

        Matches.Add(part.ToString());
    }

    /// <summary><c>ADDRTYPE match src-type LOCAL dst-type !LOCAL limit-in</c>.</summary>
    private void AddressType()
    {
        TakeIf("match");
        var part = new StringBuilder("-m addrtype");
        while (PeekWord() is "src-type" or "dst-type" or "limit-in" or "limit-out")
        {
            var word = Take();
            if (word.StartsWith("limit", StringComparison.Ordinal))
            {
                part.Append(word == "limit-in" ? " --limit-iface-in" : " --limit-iface-out");
                continue;
            }

            var (not, type) = TakeNegatable();
            part.Append(' ').Append(not).Append("--").Append(word).Append(' ').Append(type);
        }

        Matches.Add(part.ToString());
    }

    /// <summary><c>mark match 0x4000/0x4000</c>, <c>mark match ! 0x4000/0x4000</c>.</summary>
    private void MarkMatch()
    {
        TakeIf("match");
        var (not, value) = TakeNegatable();
        Matches.Add($"-m mark {not}--mark {value}");
    }

    /// <summary>A value with its negation, written before it (<c>! 0x1</c>) or glued to it (<c>!0x1</c>): ("! " or "", value).</summary>
    private (string Not, string Value) TakeNegatable()
    {
        var not = TakeIf("!") ? "! " : Not();
        var value = Take();
        if (value.StartsWith('!'))
        {
            not = "! ";
            value = value[1..];
        }

        return (not, value);
    }
}
