namespace NetView.Core.KubeProxy;

/// <summary>
/// The per-service-port chains kube-proxy made for one service port; all share one hash suffix.
/// </summary>
/// <param name="Svc">KUBE-SVC-*: the cluster-wide endpoint cascade.</param>
/// <param name="Svl">KUBE-SVL-*: the node-local endpoint cascade (kube-proxy 1.24 and later).</param>
/// <param name="Ext">KUBE-EXT-*: external traffic (NodePort, external and load-balancer IPs).</param>
/// <param name="Fw">KUBE-FW-*: load-balancer source ranges.</param>
/// <param name="Xlb">KUBE-XLB-*: the node-local chain of kube-proxy before 1.24.</param>
public sealed record ServicePortChains(string? Svc, string? Svl, string? Ext, string? Fw, string? Xlb)
{
    public static readonly ServicePortChains None = new(null, null, null, null, null);
}
