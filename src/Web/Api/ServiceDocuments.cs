using NetView.Core.Analysis.Json;
using NetView.Web.Ingestion;

namespace NetView.Web.Api;

/// <summary>
/// One entry of <c>GET /api/services</c>: the <c>servicePorts[]</c> fields of <c>analyze --json</c>
/// (definition as the first node, by name, programs it), then the nodes having it, and endpoints
/// with <c>connections</c>/<c>bytes</c> summed over nodes and per node.
/// </summary>
internal sealed record ServiceDocument(
    string Name,
    string Namespace,
    string Service,
    string PortName,
    string Protocol,
    string? ClusterIP,
    int? ClusterPort,
    int? NodePort,
    IReadOnlyList<string> ExternalIPs,
    IReadOnlyList<string> LoadBalancerIPs,
    IReadOnlyList<string> LoadBalancerSourceRanges,
    int? SessionAffinitySeconds,
    string ExternalTrafficPolicy,
    string InternalTrafficPolicy,
    ChainsDocument Chains,
    bool HasEndpoints,
    IReadOnlyList<ServiceEndpointDocument> Endpoints,
    IReadOnlyList<string> Nodes,
    long Connections)
{
    public static ServiceDocument From(ServicePortTotals totals)
    {
        var port = ServicePortDocument.From(totals.Port);
        return new ServiceDocument(
            port.Name, port.Namespace, port.Service, port.PortName, port.Protocol, port.ClusterIP, port.ClusterPort, port.NodePort,
            port.ExternalIPs, port.LoadBalancerIPs, port.LoadBalancerSourceRanges, port.SessionAffinitySeconds,
            port.ExternalTrafficPolicy, port.InternalTrafficPolicy, port.Chains, port.HasEndpoints,
            [.. totals.Endpoints.Select(e => new ServiceEndpointDocument(
                e.Address, e.Chain, e.Probability, e.LocalProbability, e.Connections, e.Bytes,
                [.. e.Nodes.Select(n => new EndpointNodeDocument(n.Node, ApiNames.Family(n.Family), n.Connections, n.Bytes, n.Probability, n.LocalProbability))]))],
            totals.Nodes,
            totals.Connections);
    }
}

/// <summary>An endpoint in <c>GET /api/services</c>: DNAT counters summed over nodes, and per node.</summary>
internal sealed record ServiceEndpointDocument(
    string Address, string Chain, double? Probability, double? LocalProbability, long Connections, long Bytes, IReadOnlyList<EndpointNodeDocument> Nodes);

/// <summary>One node's counters of an endpoint; null before the node's first counter frame.</summary>
internal sealed record EndpointNodeDocument(string Node, string Family, long? Connections, long? Bytes, double? Probability, double? LocalProbability);

/// <summary><c>GET /api/services/{ns}/{svc}/{port}/series</c>.</summary>
internal sealed record ServiceSeriesDocument(string Name, int Seconds, IReadOnlyList<EndpointSeriesDocument> Endpoints);

/// <summary>One endpoint's series: summed over nodes per second, and per node.</summary>
internal sealed record EndpointSeriesDocument(string Address, IReadOnlyList<PointDocument> Total, IReadOnlyList<NodeSeriesDocument> Nodes);

internal sealed record NodeSeriesDocument(string Node, string Family, IReadOnlyList<PointDocument> Points);

/// <summary>Connections counted in the interval ending at <c>timestamp</c> (a bucket starting there when downsampled), and the rate per second.</summary>
internal sealed record PointDocument(DateTimeOffset Timestamp, double IntervalSeconds, long Connections, long Bytes, double Rate)
{
    public static PointDocument From(SeriesPoint point) =>
        new(point.Timestamp, point.Interval.TotalSeconds, point.Connections, point.Bytes, point.Rate);
}
