namespace NetView.Core.KubeProxy.Simulation;

/// <summary><c>externalTrafficPolicy</c> / <c>internalTrafficPolicy</c>: every ready endpoint, or only this node's.</summary>
public enum TrafficPolicy
{
    Cluster,
    Local,
}
