namespace NetView.Core.Iptables.Parsing;

/// <summary>
/// What a plain rule holds, noted while it is scanned: its address and interface matches and the
/// match modules kube-proxy and the usual CNIs load. A rule can then answer "no comment", "no
/// <c>recent</c> match", "no <c>-s</c>" without being decoded, which is what most questions about
/// most rules of a big dump come to.
/// </summary>
[Flags]
internal enum RuleParts : uint
{
    None = 0,

    /// <summary>Set on every scanned rule: the other flags are known.</summary>
    Known = 1 << 0,
    Source = 1 << 1,
    Destination = 1 << 2,
    Protocol = 1 << 3,
    InInterface = 1 << 4,
    OutInterface = 1 << 5,

    /// <summary>A match module not in the list below.</summary>
    OtherModule = 1 << 6,
    Comment = 1 << 7,
    Statistic = 1 << 8,
    Recent = 1 << 9,
    Set = 1 << 10,
    Tcp = 1 << 11,
    Udp = 1 << 12,
    Sctp = 1 << 13,
    Mark = 1 << 14,
    Conntrack = 1 << 15,
    Addrtype = 1 << 16,
    Multiport = 1 << 17,
    Physdev = 1 << 18,
    Limit = 1 << 19,
    State = 1 << 20,
    Connmark = 1 << 21,
    Icmp = 1 << 22,
    Icmp6 = 1 << 23,
}

internal static class RulePartsOf
{
    // The modules with a flag of their own, in one list for both lookups below.
    private static readonly (string Name, byte[] Bytes, RuleParts Part)[] Modules =
    [
        M("comment", RuleParts.Comment), M("statistic", RuleParts.Statistic), M("recent", RuleParts.Recent),
        M("set", RuleParts.Set), M("tcp", RuleParts.Tcp), M("udp", RuleParts.Udp), M("sctp", RuleParts.Sctp),
        M("mark", RuleParts.Mark), M("conntrack", RuleParts.Conntrack), M("addrtype", RuleParts.Addrtype),
        M("multiport", RuleParts.Multiport), M("physdev", RuleParts.Physdev), M("limit", RuleParts.Limit),
        M("state", RuleParts.State), M("connmark", RuleParts.Connmark), M("icmp", RuleParts.Icmp), M("icmp6", RuleParts.Icmp6),
    ];

    private static (string, byte[], RuleParts) M(string name, RuleParts part) => (name, System.Text.Encoding.ASCII.GetBytes(name), part);

    /// <summary>The flag of a match module's name (lookups).</summary>
    public static RuleParts Module(string module)
    {
        foreach (var (name, _, part) in Modules)
        {
            if (name == module)
            {
                return part;
            }
        }

        return RuleParts.OtherModule;
    }

    /// <summary>The flag of a match module's name as input bytes (the scan; most names differ in length at once).</summary>
    public static RuleParts Module(ReadOnlySpan<byte> module)
    {
        foreach (var (_, bytes, part) in Modules)
        {
            if (module.SequenceEqual(bytes))
            {
                return part;
            }
        }

        return RuleParts.OtherModule;
    }

    /// <summary>The module's name as bytes, for a flag of <see cref="Modules"/>.</summary>
    public static ReadOnlySpan<byte> NameOf(RuleParts part)
    {
        foreach (var (_, bytes, each) in Modules)
        {
            if (each == part)
            {
                return bytes;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(part), part, "not a module with a flag of its own");
    }

    /// <summary>The flag of <c>-s</c>, <c>-d</c>, <c>-p</c>, <c>-i</c> or <c>-o</c>.</summary>
    public static RuleParts Operand(byte letter) => letter switch
    {
        (byte)'s' => RuleParts.Source,
        (byte)'d' => RuleParts.Destination,
        (byte)'p' => RuleParts.Protocol,
        (byte)'i' => RuleParts.InInterface,
        _ => RuleParts.OutInterface,
    };
}
