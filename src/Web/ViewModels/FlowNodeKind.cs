namespace NetView.Web.ViewModels;

/// <summary>What a box of a service's flow graph stands for, in the order traffic meets them (the graph's columns).</summary>
public enum FlowNodeKind
{
    ClusterIP,
    NodePort,
    LoadBalancerIP,
    ExternalIP,
    Dispatch,
    Firewall,
    External,
    Service,
    LocalService,
    Endpoint,
    Dnat,
    Verdict,
}
