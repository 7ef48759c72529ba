using NetView.Core.Iptables;

namespace NetView.Agent.Collect;

/// <summary>The two save programs of one iptables backend, IPv4 and IPv6.</summary>
internal sealed record SaveBinaries(string Backend, string IPv4, string IPv6)
{
    public const string NfTables = "nf_tables";
    public const string Legacy = "legacy";

    public static readonly SaveBinaries Nft = new(NfTables, "iptables-nft-save", "ip6tables-nft-save");
    public static readonly SaveBinaries LegacyBinaries = new(Legacy, "iptables-legacy-save", "ip6tables-legacy-save");

    /// <summary>Distributions without the -nft/-legacy variants ship only these; the header tells the backend.</summary>
    public static SaveBinaries Plain(string backend) => new(backend, "iptables-save", "ip6tables-save");

    public string For(IpFamily family) => family == IpFamily.IPv4 ? IPv4 : IPv6;
}
