namespace NetView.Core.Analysis;

/// <summary>The effective share of each cascade rule, and what falls through past the last rule.</summary>
/// <param name="Shares">Per rule, in rule order; they and <paramref name="FallThrough"/> sum to 1.</param>
/// <param name="FallThrough">The share no rule catches: non-zero when the last rule has a probability.</param>
public sealed record CascadeShares(IReadOnlyList<decimal> Shares, decimal FallThrough);
