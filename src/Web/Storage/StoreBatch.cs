namespace NetView.Web.Storage;

/// <summary>One flush worth of writes, collected from the ingestion under its locks and written outside them.</summary>
internal sealed class StoreBatch
{
    public List<StoredSample> Samples { get; } = [];
    public List<NodeRecord> Nodes { get; } = [];
    public List<SnapshotRecord> Snapshots { get; } = [];
    public List<StoredCounters> Counters { get; } = [];
}
