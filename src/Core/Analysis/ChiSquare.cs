namespace NetView.Core.Analysis;

/// <summary>
/// Chi-square goodness of fit: do the per-endpoint counts a node's counters show agree with the
/// shares its <c>statistic</c> rules intend, or are they skewed beyond what chance gives?
/// </summary>
public static class ChiSquare
{
    /// <summary>
    /// Tests observed counts against expected shares (normalised to sum to 1). A count in a
    /// category whose share is zero cannot happen by chance: the statistic is infinite and p is 0.
    /// </summary>
    public static ChiSquareResult Test(IReadOnlyList<long> observed, IReadOnlyList<double> expectedShares)
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(expectedShares);
        if (observed.Count != expectedShares.Count)
        {
            throw new ArgumentException($"{observed.Count} observed counts but {expectedShares.Count} expected shares.", nameof(expectedShares));
        }

        long samples = 0;
        double shareTotal = 0;
        for (var i = 0; i < observed.Count; i++)
        {
            if (observed[i] < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(observed), $"Observed count {i} is negative ({observed[i]}).");
            }

            if (expectedShares[i] < 0 || !double.IsFinite(expectedShares[i]))
            {
                throw new ArgumentOutOfRangeException(nameof(expectedShares), $"Expected share {i} is not a finite non-negative number ({expectedShares[i]}).");
            }

            samples += observed[i];
            shareTotal += expectedShares[i];
        }

        if (shareTotal <= 0)
        {
            throw new ArgumentException("The expected shares are all zero.", nameof(expectedShares));
        }

        var statistic = 0.0;
        var categories = 0;
        var minimumExpected = double.PositiveInfinity;
        for (var i = 0; i < observed.Count; i++)
        {
            var expected = samples * expectedShares[i] / shareTotal;
            if (expectedShares[i] == 0)
            {
                if (observed[i] > 0)
                {
                    statistic = double.PositiveInfinity;
                }

                continue;
            }

            categories++;
            minimumExpected = Math.Min(minimumExpected, expected);
            if (expected > 0)
            {
                var difference = observed[i] - expected;
                statistic += difference * difference / expected;
            }
        }

        var degreesOfFreedom = Math.Max(0, categories - 1);
        var p = double.IsPositiveInfinity(statistic) ? 0 : UpperTail(statistic, degreesOfFreedom);
        return new ChiSquareResult(statistic, degreesOfFreedom, p, samples, double.IsPositiveInfinity(minimumExpected) ? 0 : minimumExpected);
    }

    /// <summary>P(X ≥ statistic) for a chi-square distribution with the given degrees of freedom.</summary>
    public static double UpperTail(double statistic, int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(degreesOfFreedom);
        if (degreesOfFreedom == 0)
        {
            // One category: every outcome is the expected one.
            return 1;
        }

        return IncompleteGamma.RegularizedUpper(degreesOfFreedom / 2.0, statistic / 2.0);
    }
}
