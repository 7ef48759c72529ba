using NetView.Core.Iptables;

namespace NetView.Web.Ingestion;

/// <summary>One node's counters of one endpoint's DNAT rule; null counters before the node's first counter frame.</summary>
public sealed record EndpointOnNode(string Node, IpFamily Family, long? Connections, long? Bytes, double? Probability, double? LocalProbability);
