using System.Runtime.Serialization;
using NetView.Core.Iptables;

namespace NetView.Core.Wire;

/// <summary>
/// The counters of one family at one tick, aligned to the rule order of snapshot
/// <see cref="SnapshotHash"/>: slot i is the i-th <c>-A</c> line of that snapshot's text.
/// <see cref="Payload"/> lists only slots whose counters moved (see <see cref="CounterFrameEncoder"/>),
/// so an idle tick costs a few bytes and a busy one scales with what changed, not the rule count.
/// </summary>
/// <param name="Sequence">Per family, +1 per frame; a gap means frames were lost (the agent's backlog dropped its oldest).</param>
/// <param name="TimestampUnixMilliseconds">When the agent read the counters.</param>
/// <param name="RuleCount">Number of slots; must equal the snapshot's rule count.</param>
/// <param name="SlotStart">First slot this frame covers. A tick whose payload would be too big for one message is split into frames covering consecutive slot ranges, with consecutive sequences.</param>
/// <param name="SlotEnd">One past the last slot this frame covers (<see cref="RuleCount"/> for an unsplit frame).</param>
/// <param name="Keyframe">True when the payload holds absolute values (first frame of a snapshot or connection) rather than deltas: slots of the range that it does not list are zero.</param>
/// <param name="Payload">Changed slots as varints, see <see cref="CounterFrameEncoder"/>.</param>
/// <param name="ReadMilliseconds">How long iptables-save took for this tick.</param>
/// <param name="IntervalMilliseconds">The effective interval, which grows when reads are slow.</param>
/// <param name="KubeProxy">kube-proxy's own figures when its metrics endpoint answers and they changed; null otherwise.</param>
[DataContract]
public sealed record CounterFrame(
    [property: DataMember(Order = 0)] int Version,
    [property: DataMember(Order = 1)] IpFamily Family,
    [property: DataMember(Order = 2)] string SnapshotHash,
    [property: DataMember(Order = 3)] long Sequence,
    [property: DataMember(Order = 4)] long TimestampUnixMilliseconds,
    [property: DataMember(Order = 5)] int RuleCount,
    [property: DataMember(Order = 6)] int SlotStart,
    [property: DataMember(Order = 7)] int SlotEnd,
    [property: DataMember(Order = 8)] bool Keyframe,
    [property: DataMember(Order = 9)] byte[] Payload,
    [property: DataMember(Order = 10)] int ReadMilliseconds,
    [property: DataMember(Order = 11)] int IntervalMilliseconds,
    [property: DataMember(Order = 12)] KubeProxyFigures? KubeProxy);
