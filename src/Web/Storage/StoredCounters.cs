using NetView.Core.Iptables;

namespace NetView.Web.Storage;

/// <summary>The latest counters of a node's stored rule set (a keyframe payload: only non-zero slots).</summary>
internal sealed record StoredCounters(string Node, IpFamily Family, string Hash, byte[] Counters, long TimestampMs, long Sequence);
