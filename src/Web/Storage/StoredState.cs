namespace NetView.Web.Storage;

/// <summary>Everything the store gives back at start: nodes, latest snapshots, and history.</summary>
internal sealed record StoredState(
    IReadOnlyList<NodeRecord> Nodes,
    IReadOnlyList<SnapshotRecord> Snapshots,
    IReadOnlyList<StoredSample> Samples);
