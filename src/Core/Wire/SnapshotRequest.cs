using System.Runtime.Serialization;
using NetView.Core.Iptables;

namespace NetView.Core.Wire;

/// <summary>
/// Server → agent: send the rule text of this family again, because a counter frame named a
/// hash the server does not hold (server restart, a rejected chunk, an evicted snapshot).
/// </summary>
/// <param name="Hash">The hash the server did not know, or null for "whatever is current".</param>
/// <param name="Reason">Why, for the agent's log.</param>
[DataContract]
public sealed record SnapshotRequest(
    [property: DataMember(Order = 0)] int Version,
    [property: DataMember(Order = 1)] IpFamily Family,
    [property: DataMember(Order = 2)] string? Hash,
    [property: DataMember(Order = 3)] string Reason);
