namespace NetView.Core.KubeProxy;

/// <summary>The per-service-port and per-endpoint chain families of kube-proxy's iptables mode.</summary>
public enum KubeChainKind
{
    /// <summary>Not a per-service chain (a built-in chain, KUBE-SERVICES, another program's chain, ...).</summary>
    None,
    Svc,
    Svl,
    Ext,
    Fw,
    Xlb,
    Sep,
}
