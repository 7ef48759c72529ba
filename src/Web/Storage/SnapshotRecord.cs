namespace NetView.Web.Storage;

/// <summary>
/// The latest rule set of one node and family: the rule text as the agent sent it (Brotli
/// compressed) with its content hash, and the absolute counters of the last counter frame, so that
/// after a restart the first frame yields a correct delta instead of a spike.
/// </summary>
internal sealed class SnapshotRecord
{
    public required string Node { get; set; }
    public int Family { get; set; }
    public required string Hash { get; set; }
    public required byte[] CompressedText { get; set; }
    public long ReceivedMs { get; set; }

    /// <summary>Packets then bytes per rule, as varints; empty before the first counter frame.</summary>
    public byte[] Counters { get; set; } = [];
    public long CounterTimestampMs { get; set; }
    public long CounterSequence { get; set; }
}
