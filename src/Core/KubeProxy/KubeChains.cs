namespace NetView.Core.KubeProxy;

/// <summary>
/// kube-proxy's well-known chain names, and the family of a per-service chain. Per-service chain
/// names are a prefix plus a 16-character hash, which keeps them within iptables' 28 characters.
/// </summary>
public static class KubeChains
{
    public const string Services = "KUBE-SERVICES";
    public const string NodePorts = "KUBE-NODEPORTS";
    public const string ExternalServices = "KUBE-EXTERNAL-SERVICES";
    public const string ProxyFirewall = "KUBE-PROXY-FIREWALL";
    public const string MarkMasq = "KUBE-MARK-MASQ";
    public const string MarkDrop = "KUBE-MARK-DROP";
    public const string Postrouting = "KUBE-POSTROUTING";

    /// <summary>The IPVS-mode ipset of all ClusterIP:port pairs; its presence means IPVS mode.</summary>
    public const string IpvsClusterIpSet = "KUBE-CLUSTER-IP";

    /// <summary>KUBE-SVC-, KUBE-SVL-, ... (<see cref="ChainNames"/>) are 9 characters: "KUBE-" + three letters + "-"; KUBE-FW- is 8.</summary>
    public const int PrefixLength = 9;

    public static KubeChainKind KindOf(string chain)
    {
        if (chain.Length > ChainNames.Fw.Length && chain.StartsWith(ChainNames.Fw, StringComparison.Ordinal))
        {
            return KubeChainKind.Fw;
        }

        if (chain.Length <= PrefixLength || !chain.StartsWith("KUBE-", StringComparison.Ordinal) || chain[8] != '-')
        {
            return KubeChainKind.None;
        }

        return chain.AsSpan(5, 3) switch
        {
            "SVC" => KubeChainKind.Svc,
            "SVL" => KubeChainKind.Svl,
            "EXT" => KubeChainKind.Ext,
            "XLB" => KubeChainKind.Xlb,
            "SEP" => KubeChainKind.Sep,
            _ => KubeChainKind.None,
        };
    }

    /// <summary>The hash part of a per-service chain name (shared by its SVC, SVL, EXT, FW and XLB chains).</summary>
    public static string Suffix(string chain) => SuffixOf(chain).ToString();

    /// <summary><see cref="Suffix"/> without a new string: looked up for every per-service chain of a dump.</summary>
    internal static ReadOnlySpan<char> SuffixOf(string chain) =>
        chain.StartsWith(ChainNames.Fw, StringComparison.Ordinal) ? chain.AsSpan(ChainNames.Fw.Length) : chain.AsSpan(PrefixLength);
}
