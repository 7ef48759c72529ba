namespace NetView.Core.Analysis;

/// <summary>
/// Pearson's chi-square goodness-of-fit test of observed counts against expected shares.
/// </summary>
/// <param name="Statistic">Σ (observed − expected)² / expected over the categories with a positive share.</param>
/// <param name="DegreesOfFreedom">Categories with a positive share, minus one.</param>
/// <param name="PValue">Probability that chance alone gives a statistic at least this large.</param>
/// <param name="Samples">Total of the observed counts.</param>
/// <param name="MinimumExpected">The smallest expected count; below 5 the test's approximation is poor.</param>
public sealed record ChiSquareResult(double Statistic, int DegreesOfFreedom, double PValue, long Samples, double MinimumExpected);
