namespace NetView.Core.Analysis.Diff;

/// <summary>
/// What changed between two rule sets of one node: rules added, removed and moved (by text, per
/// chain), what that means for kube-proxy's service ports, counter growth of the rules in both,
/// and rule counts per table and chain.
/// </summary>
public sealed record RuleSetDifference(
    IReadOnlyList<RuleChange> Added,
    IReadOnlyList<RuleChange> Removed,
    IReadOnlyList<RuleChange> Moved,
    IReadOnlyList<MeaningChange> Changes,
    IReadOnlyList<CounterDelta> CounterDeltas,
    IReadOnlyList<ChainCount> Tables,
    IReadOnlyList<ChainCount> Chains)
{
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Moved.Count == 0;
}
