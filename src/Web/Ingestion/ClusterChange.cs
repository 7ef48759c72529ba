using NetView.Core.Iptables;

namespace NetView.Web.Ingestion;

/// <summary>One change notification: read the current state from <see cref="ClusterState"/> for the details.</summary>
/// <param name="Family">The family concerned; null for node-level changes.</param>
public sealed record ClusterChange(ClusterChangeKind Kind, string Node, IpFamily? Family, DateTimeOffset Timestamp);
