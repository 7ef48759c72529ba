using NetView.Core.KubeProxy;

namespace NetView.Core.Analysis.Json;

/// <summary>One endpoint: address, chain, shares of the cluster and local cascades, DNAT counters (null without <c>-c</c>).</summary>
public sealed record EndpointDocument(
    string Address,
    string Chain,
    double? Probability,
    double? LocalProbability,
    long? Connections,
    long? Bytes)
{
    public static EndpointDocument From(ServiceEndpoint endpoint) => new(
        endpoint.Address, endpoint.Chain, endpoint.Probability, endpoint.LocalProbability, endpoint.Connections, endpoint.Bytes);
}
