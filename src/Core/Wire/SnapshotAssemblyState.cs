namespace NetView.Core.Wire;

/// <summary>Where a snapshot transfer stands after one chunk.</summary>
public enum SnapshotAssemblyState
{
    /// <summary>More chunks are needed.</summary>
    Incomplete,
    /// <summary>All chunks arrived, the text decompressed to the announced length and its hash matched.</summary>
    Complete,
    /// <summary>The chunk or the assembled text was invalid; the pending transfer is dropped.</summary>
    Rejected,
}
