namespace NetView.Core.Analysis;

/// <summary>
/// The arithmetic of kube-proxy's random cascade: rule i of a chain matches with probability p_i
/// among the connections that rules before it let through, so its share is
/// p_i × Π_{j&lt;i}(1 − p_j); a rule without <c>statistic</c> takes all that is left. Computed in
/// decimal from the printed values, so that iptables' own fixed-point rounding shows exactly.
/// </summary>
public static class ProbabilityCascade
{
    /// <summary>
    /// Shares of new connections per rule. <paramref name="probabilities"/> holds each rule's
    /// <c>--probability</c>, or null for a rule that always matches.
    /// </summary>
    public static CascadeShares Evaluate(IReadOnlyList<decimal?> probabilities)
    {
        var shares = new decimal[probabilities.Count];
        var remaining = 1m;
        for (var i = 0; i < shares.Length; i++)
        {
            var p = probabilities[i] is { } value ? Math.Clamp(value, 0m, 1m) : 1m;
            shares[i] = remaining * p;
            remaining -= shares[i];
        }

        return new CascadeShares(shares, remaining);
    }

    /// <summary>
    /// The probability kube-proxy means rule <paramref name="index"/> of <paramref name="count"/>
    /// to have: 1/(n − i), so that every endpoint gets 1/n; the last rule has no statistic.
    /// </summary>
    public static decimal Intended(int index, int count) => 1m / (count - index);

    /// <summary>Parses a printed <c>--probability</c> value; null when it is not a number in [0, 1].</summary>
    public static decimal? Parse(string? printed)
    {
        if (printed is null
            || !decimal.TryParse(printed, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
            || value < 0m || value > 1m)
        {
            return null;
        }

        return value;
    }
}
