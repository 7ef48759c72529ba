using NetView.Core.KubeProxy;

namespace NetView.Web.Ingestion;

/// <summary>
/// One service port over the whole cluster: its definition as the first node (by name) that has
/// it programs it, the nodes that have it, and its endpoints with connections summed over nodes.
/// </summary>
public sealed record ServicePortTotals(ServicePort Port, IReadOnlyList<string> Nodes, IReadOnlyList<EndpointTotals> Endpoints)
{
    /// <summary>Connections over all endpoints and nodes.</summary>
    public long Connections => Endpoints.Sum(e => e.Connections);
}
