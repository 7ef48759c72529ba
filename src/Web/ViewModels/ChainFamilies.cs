using NetView.Core.KubeProxy;

namespace NetView.Web.ViewModels;

/// <summary>Sorts a chain name into its <see cref="ChainFamily"/> and names the families for display.</summary>
public static class ChainFamilies
{
    // kube-proxy's fixed chains (pkg/proxy/iptables/proxier.go) and the canaries it creates in every table.
    private static readonly HashSet<string> KubeProxyChains = new(StringComparer.Ordinal)
    {
        "KUBE-SERVICES", "KUBE-NODEPORTS", "KUBE-POSTROUTING", "KUBE-MARK-MASQ", "KUBE-MARK-DROP",
        "KUBE-FORWARD", "KUBE-FIREWALL", "KUBE-PROXY-FIREWALL", "KUBE-EXTERNAL-SERVICES",
        "KUBE-PROXY-CANARY", "KUBE-KUBELET-CANARY", "KUBE-IPTABLES-HINT", "KUBE-LOAD-BALANCER",
    };

    private static readonly (string Prefix, ChainFamily Family)[] HashedFamilies =
    [
        (ChainNames.Svc, ChainFamily.ServiceChains),
        (ChainNames.Svl, ChainFamily.LocalServiceChains),
        (ChainNames.Ext, ChainFamily.ExternalChains),
        (ChainNames.Fw, ChainFamily.FirewallChains),
        (ChainNames.Sep, ChainFamily.EndpointChains),
        (ChainNames.Xlb, ChainFamily.LegacyLocalChains),
    ];

    // Chain prefixes written by common CNI plugins and container runtimes rather than by a person.
    private static readonly string[] CniPrefixes =
    [
        "FLANNEL-", "CALI-", "cali-", "CILIUM_", "WEAVE", "CNI-", "KUBE-ROUTER-", "KUBE-POD-FW-", "KUBE-NWPLCY-",
        "ANTREA-", "OVN-", "DOCKER", "KIND-", "IP-MASQ", "AWS-", "AZURE-", "GKE-",
    ];

    public static ChainFamily Of(string chain)
    {
        if (chain is "PREROUTING" or "INPUT" or "FORWARD" or "OUTPUT" or "POSTROUTING")
        {
            return ChainFamily.BuiltIn;
        }

        if (KubeProxyChains.Contains(chain))
        {
            return ChainFamily.KubeProxy;
        }

        foreach (var (prefix, family) in HashedFamilies)
        {
            if (chain.StartsWith(prefix, StringComparison.Ordinal))
            {
                return family;
            }
        }

        foreach (var prefix in CniPrefixes)
        {
            if (chain.StartsWith(prefix, StringComparison.Ordinal))
            {
                return ChainFamily.Cni;
            }
        }

        return ChainFamily.Custom;
    }

    /// <summary>True for the families drawn as one collapsed box.</summary>
    public static bool IsGrouped(ChainFamily family) => family is ChainFamily.ServiceChains or ChainFamily.LocalServiceChains
        or ChainFamily.ExternalChains or ChainFamily.FirewallChains or ChainFamily.EndpointChains or ChainFamily.LegacyLocalChains;

    public static string GroupLabel(ChainFamily family) => family switch
    {
        ChainFamily.ServiceChains => ChainNames.Svc + "*",
        ChainFamily.LocalServiceChains => ChainNames.Svl + "*",
        ChainFamily.ExternalChains => ChainNames.Ext + "*",
        ChainFamily.FirewallChains => ChainNames.Fw + "*",
        ChainFamily.EndpointChains => ChainNames.Sep + "*",
        ChainFamily.LegacyLocalChains => ChainNames.Xlb + "*",
        ChainFamily.BuiltIn => "built-in",
        ChainFamily.KubeProxy => "kube-proxy",
        ChainFamily.Cni => "CNI / runtime",
        _ => "custom",
    };
}
