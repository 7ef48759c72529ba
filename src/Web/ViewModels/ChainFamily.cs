namespace NetView.Web.ViewModels;

/// <summary>
/// How the node page groups chains, so that a node with thousands of kube-proxy chains draws as a
/// handful of boxes: each hashed kube-proxy family is one group, the rest stand alone.
/// </summary>
public enum ChainFamily
{
    BuiltIn,
    KubeProxy,
    ServiceChains,
    LocalServiceChains,
    ExternalChains,
    FirewallChains,
    EndpointChains,
    LegacyLocalChains,
    Cni,
    Custom,
}
