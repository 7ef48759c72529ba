using System.Text;

namespace NetView.Core.Iptables.Parsing;

/// <summary>
/// The words netfilter and kube-proxy dumps repeat, seeded into every <see cref="StringPool"/>
/// so that the parsed model holds these very string literals: code can then compare a module
/// or option name by reference, and every dump shares one copy of them.
/// </summary>
internal static class WellKnownWords
{
    public static readonly string[] All =
    [
        "raw", "mangle", "nat", "filter", "security",
        "PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING",
        "ACCEPT", "DROP", "RETURN", "DNAT", "SNAT", "MASQUERADE", "REDIRECT", "MARK", "CONNMARK",
        "REJECT", "LOG", "NFLOG", "CT", "NOTRACK", "TCPMSS",
        "comment", "tcp", "udp", "sctp", "icmp", "icmpv6", "ipv6-icmp", "all", "statistic", "recent", "addrtype", "mark",
        "conntrack", "state", "multiport", "set", "limit", "physdev", "connmark", "owner", "iprange",
        "--comment", "--dport", "--sport", "--dports", "--sports", "--ports", "--destination-port", "--source-port",
        "--tcp-flags", "--syn", "--mode", "--probability", "--every", "--packet",
        "--set", "--rcheck", "--update", "--remove", "--seconds", "--hitcount", "--reap", "--name", "--mask",
        "--rsource", "--rdest", "--src-type", "--dst-type", "--mark", "--ctstate", "--ctstatus", "--state",
        "--match-set", "--limit", "--limit-burst", "--to-destination", "--to-source", "--to-ports", "--to",
        "--random", "--random-fully", "--persistent", "--set-xmark", "--set-mark", "--or-mark", "--and-mark",
        "--xor-mark", "--reject-with", "--log-prefix", "--log-level", "--physdev-in", "--physdev-out",
        "--physdev-is-bridged", "--icmp-type",
        "--match", "--jump", "--goto", "--source", "--src", "--destination", "--dst", "--protocol",
        "--in-interface", "--out-interface", "--set-counters",
        "random", "nth", "LOCAL", "NEW", "RELATED,ESTABLISHED", "INVALID", "icmp-port-unreachable",
        "0x4000/0x4000", "0x8000/0x8000", "0x4000/0x0", "255.255.255.255", "0.50000000000",
        "KUBE-SERVICES", "KUBE-NODEPORTS", "KUBE-MARK-MASQ", "KUBE-MARK-DROP", "KUBE-POSTROUTING",
        "KUBE-FORWARD", "KUBE-FIREWALL", "KUBE-EXTERNAL-SERVICES", "KUBE-PROXY-FIREWALL",
        "KUBE-KUBELET-CANARY", "KUBE-PROXY-CANARY", "KUBE-IPTABLES-HINT",
    ];

    public static readonly byte[] Bytes = Encoding.ASCII.GetBytes(string.Concat(All));
}
