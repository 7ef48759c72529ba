namespace NetView.Core.KubeProxy;

/// <summary>How kube-proxy programs this node, as far as the rules show.</summary>
public enum ProxyMode
{
    /// <summary>No kube-proxy rules in the dump.</summary>
    None,
    /// <summary>iptables mode: KUBE-SERVICES, KUBE-SVC-*, KUBE-SEP-* chains.</summary>
    Iptables,
    /// <summary>IPVS mode: services live in ipset sets (KUBE-CLUSTER-IP) and the IPVS table, not in chains.</summary>
    Ipvs,
}
