namespace NetView.Web.Ingestion;

/// <summary>
/// One endpoint of a service port over the cluster: counters of its DNAT rule summed over the
/// nodes that have it (connections, as nat rules see only first packets) and per node.
/// </summary>
public sealed record EndpointTotals(
    string Address,
    string Chain,
    double? Probability,
    double? LocalProbability,
    long Connections,
    long Bytes,
    IReadOnlyList<EndpointOnNode> Nodes);
