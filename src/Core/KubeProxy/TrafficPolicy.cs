namespace NetView.Core.KubeProxy;

/// <summary>
/// A Service's external or internal traffic policy as the rules implement it: Cluster sends to any
/// endpoint (and masquerades external traffic), Local only to endpoints on this node.
/// </summary>
public enum TrafficPolicy
{
    Cluster,
    Local,
}
