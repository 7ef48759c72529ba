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
    /// <summary>The flag of a match module's name, as a string (lookups) or as input bytes (the scan).</summary>
    public static RuleParts Module(string module) => module switch
    {
        "comment" => RuleParts.Comment,
        "statistic" => RuleParts.Statistic,
        "recent" => RuleParts.Recent,
        "set" => RuleParts.Set,
        "tcp" => RuleParts.Tcp,
        "udp" => RuleParts.Udp,
        "sctp" => RuleParts.Sctp,
        "mark" => RuleParts.Mark,
        "conntrack" => RuleParts.Conntrack,
        "addrtype" => RuleParts.Addrtype,
        "multiport" => RuleParts.Multiport,
        "physdev" => RuleParts.Physdev,
        "limit" => RuleParts.Limit,
        "state" => RuleParts.State,
        "connmark" => RuleParts.Connmark,
        "icmp" => RuleParts.Icmp,
        "icmp6" => RuleParts.Icmp6,
        _ => RuleParts.OtherModule,
    };

    public static RuleParts Module(ReadOnlySpan<byte> module) => module.Length switch
    {
        3 => module.SequenceEqual("tcp"u8) ? RuleParts.Tcp : module.SequenceEqual("udp"u8) ? RuleParts.Udp
            : module.SequenceEqual("set"u8) ? RuleParts.Set : RuleParts.OtherModule,
        4 => module.SequenceEqual("sctp"u8) ? RuleParts.Sctp : module.SequenceEqual("mark"u8) ? RuleParts.Mark
            : module.SequenceEqual("icmp"u8) ? RuleParts.Icmp : RuleParts.OtherModule,
        5 => module.SequenceEqual("limit"u8) ? RuleParts.Limit : module.SequenceEqual("state"u8) ? RuleParts.State
            : module.SequenceEqual("icmp6"u8) ? RuleParts.Icmp6 : RuleParts.OtherModule,
        6 => module.SequenceEqual("recent"u8) ? RuleParts.Recent : RuleParts.OtherModule,
        7 => module.SequenceEqual("comment"u8) ? RuleParts.Comment : module.SequenceEqual("physdev"u8) ? RuleParts.Physdev : RuleParts.OtherModule,
        8 => module.SequenceEqual("addrtype"u8) ? RuleParts.Addrtype : module.SequenceEqual("connmark"u8) ? RuleParts.Connmark : RuleParts.OtherModule,
        9 => module.SequenceEqual("statistic"u8) ? RuleParts.Statistic : module.SequenceEqual("conntrack"u8) ? RuleParts.Conntrack
            : module.SequenceEqual("multiport"u8) ? RuleParts.Multiport : RuleParts.OtherModule,
        _ => RuleParts.OtherModule,
    };

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
