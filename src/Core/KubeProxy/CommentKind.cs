namespace NetView.Core.KubeProxy;

/// <summary>What a kube-proxy comment says about the rule it is on, across kube-proxy versions.</summary>
internal enum CommentKind
{
    /// <summary><c>ns/svc:port</c> alone (NodePort rules, endpoint chains, older cascades).</summary>
    Plain,
    ClusterIP,
    ExternalIP,
    LoadBalancerIP,
    NoEndpoints,
    NoLocalEndpoints,
    HealthCheckNodePort,
    /// <summary><c>ns/svc:port -&gt; ip:port</c>: a cascade rule naming its endpoint.</summary>
    Endpoint,
    /// <summary><c>ns/svc:port traffic not accepted by KUBE-FW-...</c> in filter KUBE-PROXY-FIREWALL.</summary>
    FirewallDrop,
    /// <summary><c>masquerade traffic for ns/svc:port external destinations</c>: externalTrafficPolicy Cluster.</summary>
    MasqueradeExternal,
    /// <summary><c>pod traffic for ns/svc:port external destinations</c>: pods skip the Local policy.</summary>
    PodExternal,
    /// <summary><c>masquerade LOCAL traffic for ...</c>: the node's own traffic to an external destination.</summary>
    MasqueradeLocal,
    /// <summary><c>route LOCAL traffic for ...</c>: the node's own traffic goes to the cluster chain.</summary>
    RouteLocal,
    /// <summary><c>Balancing rule N for ns/svc:port</c>: the KUBE-XLB cascade before 1.24.</summary>
    Balancing,
    /// <summary>A service port name followed by words this reader does not know.</summary>
    Other,
}
