namespace NetView.Core.KubeProxy;

/// <summary>
/// One endpoint of a service port: where kube-proxy DNATs to, and which share of new connections
/// it gets from the cluster-wide and from the node-local cascade.
/// </summary>
/// <param name="Address"><c>ip:port</c> (<c>[ip]:port</c> for IPv6) from the endpoint chain's DNAT, else from the comment.</param>
/// <param name="Chain">The KUBE-SEP-* chain.</param>
/// <param name="Probability">Share of connections entering KUBE-SVC; null when the endpoint is not in that cascade.</param>
/// <param name="LocalProbability">Share of connections entering KUBE-SVL (KUBE-XLB before 1.24); null when not in it.</param>
/// <param name="Connections">Packets counted by the DNAT rule; nat rules see only a connection's first packet, so these are connections. Null without counters.</param>
/// <param name="Bytes">Bytes counted by the DNAT rule (of those first packets); null without counters.</param>
/// <param name="CommentAddress">The <c>-&gt; ip:port</c> of kube-proxy's comments, when it wrote one.</param>
public sealed record ServiceEndpoint(
    string Address,
    string Chain,
    double? Probability,
    double? LocalProbability,
    long? Connections,
    long? Bytes,
    string? CommentAddress = null);
