namespace NetView.Core.Iptables.Parsing;

/// <summary>
/// Which table a rule belongs to when the input does not say (<c>iptables-save | grep</c>,
/// <c>iptables -t nat -S CHAIN</c>, listings): kube-proxy's chain families and the targets a table
/// allows decide. KUBE-SERVICES and KUBE-NODEPORTS exist in both nat and filter, so rules of
/// those chains are decided by their target.
/// </summary>
internal static class TableInference
{
    public const string Nat = "nat";
    public const string Filter = "filter";

    /// <summary>The table a chain name alone implies, or null when the name exists in several tables.</summary>
    public static string? ForChain(string chain)
    {
        if (chain.StartsWith("KUBE-", StringComparison.Ordinal))
        {
            if (IsNatOnlyKubeChain(chain))
            {
                return Nat;
            }

            return chain switch
            {
                "KUBE-FORWARD" or "KUBE-FIREWALL" or "KUBE-EXTERNAL-SERVICES" or "KUBE-PROXY-FIREWALL" => Filter,
                _ => null,
            };
        }

        return chain switch
        {
            "PREROUTING" or "POSTROUTING" => Nat,
            "FORWARD" or "INPUT" => Filter,
            _ => null,
        };
    }

    /// <summary>The table a rule's chain and target imply, or null when neither decides.</summary>
    public static string? ForRule(string chain, string target)
    {
        var byChain = ForChain(chain);
        if (byChain is not null)
        {
            return byChain;
        }

        if (target.StartsWith("KUBE-", StringComparison.Ordinal))
        {
            // Only nat's KUBE-SERVICES ends with the jump to KUBE-NODEPORTS; filter's INPUT jumps there.
            if (IsNatOnlyKubeChain(target) || (chain == "KUBE-SERVICES" && target == "KUBE-NODEPORTS"))
            {
                return Nat;
            }

            return target switch
            {
                "KUBE-FORWARD" or "KUBE-FIREWALL" or "KUBE-EXTERNAL-SERVICES" or "KUBE-PROXY-FIREWALL" => Filter,
                _ => null,
            };
        }

        return target switch
        {
            "DNAT" or "SNAT" or "MASQUERADE" or "REDIRECT" or "NETMAP" => Nat,
            "REJECT" or "ACCEPT" or "DROP" => Filter,
            _ => null,
        };
    }

    /// <summary>The table whose built-in chains are exactly these (from the <c>-P</c> lines or policy headers of one table).</summary>
    public static string ForBuiltinChains(IReadOnlyCollection<string> chains)
    {
        var prerouting = chains.Contains("PREROUTING");
        var postrouting = chains.Contains("POSTROUTING");
        var forward = chains.Contains("FORWARD");
        var input = chains.Contains("INPUT");
        return (prerouting, postrouting, forward, input) switch
        {
            (true, true, true, _) => "mangle",
            (true, true, false, _) => Nat,
            (true, false, false, false) => "raw",
            (false, true, false, _) => Nat,
            _ => Filter,
        };
    }

    private static bool IsNatOnlyKubeChain(string chain) =>
        chain.StartsWith("KUBE-SVC-", StringComparison.Ordinal)
        || chain.StartsWith("KUBE-SEP-", StringComparison.Ordinal)
        || chain.StartsWith("KUBE-SVL-", StringComparison.Ordinal)
        || chain.StartsWith("KUBE-EXT-", StringComparison.Ordinal)
        || chain.StartsWith("KUBE-FW-", StringComparison.Ordinal)
        || chain.StartsWith("KUBE-XLB-", StringComparison.Ordinal)
        || chain is "KUBE-MARK-MASQ" or "KUBE-MARK-DROP" or "KUBE-POSTROUTING" or "KUBE-LOAD-BALANCER";
}
