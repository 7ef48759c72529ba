namespace NetView.Core.KubeProxy.Simulation;

/// <summary>The Service types kube-proxy programs (ExternalName services get no rules).</summary>
public enum ServiceType
{
    ClusterIP,
    NodePort,
    LoadBalancer,
}
