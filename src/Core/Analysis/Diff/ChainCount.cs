namespace NetView.Core.Analysis.Diff;

/// <summary>Rules in a table, or in one of its chains, before and after; a side is 0 where it does not exist.</summary>
/// <param name="Chain">The chain, or null for the whole table.</param>
public sealed record ChainCount(string Table, string? Chain, int Old, int New)
{
    public int Change => New - Old;
}
