using System.Runtime.Serialization;
using NetView.Core.Iptables;

namespace NetView.Core.Wire;

/// <summary>
/// The first frame on every (re)connection. <c>[DataMember(Order)]</c> makes SignalR's
/// MessagePack protocol write the frame as a compact array instead of a map keyed by property
/// names, while Core stays free of any serializer package.
/// </summary>
/// <param name="Node">The node's name (<c>NODE_NAME</c>, else the host name). Untrusted text.</param>
/// <param name="AgentVersion">The agent's version, e.g. <c>0.1.0</c>.</param>
/// <param name="Families">The address families the agent streams.</param>
/// <param name="Backend"><c>legacy</c> or <c>nf_tables</c>: where the agent found kube-proxy's rules.</param>
/// <param name="IntervalMilliseconds">The interval asked for; the effective one travels with each counter frame.</param>
/// <param name="MixedBackends">True when both backends hold rules, which kube-proxy's own wrapper warns about.</param>
/// <param name="Warning">A human sentence about the backend choice or anything else worth showing, or null.</param>
[DataContract]
public sealed record AgentHello(
    [property: DataMember(Order = 0)] int Version,
    [property: DataMember(Order = 1)] string Node,
    [property: DataMember(Order = 2)] string AgentVersion,
    [property: DataMember(Order = 3)] IReadOnlyList<IpFamily> Families,
    [property: DataMember(Order = 4)] string Backend,
    [property: DataMember(Order = 5)] int IntervalMilliseconds,
    [property: DataMember(Order = 6)] bool MixedBackends,
    [property: DataMember(Order = 7)] string? Warning);
