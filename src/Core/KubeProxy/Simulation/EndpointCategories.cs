namespace NetView.Core.KubeProxy.Simulation;

/// <summary>
/// kube-proxy's CategorizeEndpoints (pkg/proxy/topology.go) for one service port on one node:
/// the endpoints the Cluster policy uses, those the Local policy uses, and the union that gets
/// KUBE-SEP chains. Ready endpoints win; serving terminating ones are the fallback when none is ready.
/// </summary>
internal sealed record EndpointCategories(
    IReadOnlyList<SimulatedEndpoint> Cluster,
    IReadOnlyList<SimulatedEndpoint> Local,
    IReadOnlyList<SimulatedEndpoint> AllReachable,
    bool HasAny)
{
    public static EndpointCategories Of(ServiceSpec service, ServicePortSpec port, IReadOnlyList<SimulatedEndpoint> endpoints)
    {
        var usesCluster = service.InternalTrafficPolicy == TrafficPolicy.Cluster || service.IsExternallyAccessible(port);
        var usesLocal = service.InternalTrafficPolicy == TrafficPolicy.Local || ExternalPolicyLocal(service, port);

        IReadOnlyList<SimulatedEndpoint> cluster = [];
        var hasAny = false;
        if (usesCluster)
        {
            cluster = Usable(endpoints, local: false);
            hasAny = cluster.Count > 0;
        }

        if (!usesLocal)
        {
            return new(cluster, [], cluster, hasAny);
        }

        hasAny |= endpoints.Any(ep => ep.Spec.Ready || (ep.Spec.Serving && ep.Spec.Terminating));
        var local = Usable(endpoints, local: true);
        if (!usesCluster)
        {
            return new(cluster, local, local, hasAny);
        }

        var all = cluster.Union(local).ToList();
        all.Sort((a, b) => string.CompareOrdinal(a.Text, b.Text));
        return new(cluster, local, all, hasAny);
    }

    /// <summary>externalTrafficPolicy Local counts only for a service reachable from outside.</summary>
    public static bool ExternalPolicyLocal(ServiceSpec service, ServicePortSpec port) =>
        service.ExternalTrafficPolicy == TrafficPolicy.Local && service.IsExternallyAccessible(port);

    private static List<SimulatedEndpoint> Usable(IReadOnlyList<SimulatedEndpoint> endpoints, bool local)
    {
        var candidates = endpoints.Where(ep => !local || ep.IsLocal).ToList();
        var ready = candidates.Where(ep => ep.Spec.Ready).ToList();
        return ready.Count > 0 ? ready : candidates.Where(ep => ep.Spec.Serving && ep.Spec.Terminating).ToList();
    }
}
