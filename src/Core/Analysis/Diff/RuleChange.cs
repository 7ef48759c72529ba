namespace NetView.Core.Analysis.Diff;

/// <summary>A rule present in only one of two rule sets, or in both at another place in its chain.</summary>
/// <param name="OldNumber">1-based position in the old chain; null when added.</param>
/// <param name="NewNumber">1-based position in the new chain; null when removed.</param>
/// <param name="Text">The rule in save form (untrusted text from a node).</param>
public sealed record RuleChange(string Table, string Chain, int? OldNumber, int? NewNumber, string Text);
