namespace NetView.Core.Analysis.Tracing;

/// <summary>Where a traced packet comes from; it decides which hooks it walks first.</summary>
public enum PacketOrigin
{
    /// <summary>Arrives from outside the node on its uplink: PREROUTING, then INPUT or FORWARD.</summary>
    External,
    /// <summary>Arrives from a pod on this node (a veth/bridge interface): PREROUTING, then INPUT or FORWARD.</summary>
    Pod,
    /// <summary>Sent by a process on the node itself (host network): OUTPUT, then POSTROUTING.</summary>
    Local,
}
