using System.Runtime.Serialization;
using NetView.Core.Iptables;

namespace NetView.Core.Wire;

/// <summary>
/// The agent cannot read its rules right now (no permission, a missing binary, a timeout); it
/// keeps retrying with backoff. The server shows the message on the node instead of silence.
/// </summary>
/// <param name="Family">The family concerned, or null for all.</param>
/// <param name="Message">A human sentence, e.g. iptables-save's own error. Untrusted text.</param>
/// <param name="TimestampUnixMilliseconds">When the agent saw it.</param>
[DataContract]
public sealed record AgentProblem(
    [property: DataMember(Order = 0)] int Version,
    [property: DataMember(Order = 1)] IpFamily? Family,
    [property: DataMember(Order = 2)] string Message,
    [property: DataMember(Order = 3)] long TimestampUnixMilliseconds);
