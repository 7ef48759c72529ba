namespace NetView.Core.Wire;

/// <summary>
/// The outcome of <see cref="SnapshotAssembler.Add"/>: on <see cref="SnapshotAssemblyState.Complete"/>
/// the snapshot and its UTF-8 rule text (ready for <c>IptablesParser.Parse</c>); on
/// <see cref="SnapshotAssemblyState.Rejected"/> a reason naming the field.
/// </summary>
public sealed record SnapshotAssembly(SnapshotAssemblyState State, RuleSetSnapshot? Snapshot = null, byte[]? Text = null, string? Reason = null)
{
    public static readonly SnapshotAssembly Incomplete = new(SnapshotAssemblyState.Incomplete);

    public static SnapshotAssembly Rejected(string reason) => new(SnapshotAssemblyState.Rejected, Reason: reason);
}
