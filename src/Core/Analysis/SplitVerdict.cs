using System.Globalization;

namespace NetView.Core.Analysis;

/// <summary>
/// The judgement of a service port's observed per-endpoint counts against the shares its
/// <c>statistic</c> rules give: within chance, skewed beyond chance, or too few samples, with the
/// test behind it and the usual reasons a split looks the way it does.
/// </summary>
public sealed record SplitVerdict(SplitVerdictKind Kind, ChiSquareResult Test, string Summary, IReadOnlyList<string> Explanations)
{
    /// <summary>A p-value below this is "beyond chance": strict, because dashboards test many services every second.</summary>
    public const double SignificanceLevel = 0.001;

    /// <summary>Below this many expected connections for some endpoint, the chi-square approximation is not trusted.</summary>
    public const double MinimumExpectedCount = 5;

    public string KindText => Kind switch
    {
        SplitVerdictKind.WithinChance => "within what chance gives",
        SplitVerdictKind.SkewedBeyondChance => "skewed beyond chance",
        _ => "too few samples",
    };

    /// <summary>Judges observed counts (in endpoint order) against the expected shares (same order).</summary>
    public static SplitVerdict Judge(IReadOnlyList<long> observed, IReadOnlyList<double> expectedShares, SplitConditions conditions = default)
    {
        var test = ChiSquare.Test(observed, expectedShares);
        var explanations = new List<string>();
        var p = test.PValue.ToString("G3", CultureInfo.InvariantCulture);
        var chi = test.Statistic.ToString("0.###", CultureInfo.InvariantCulture);
        SplitVerdictKind kind;
        string summary;
        if (test.DegreesOfFreedom > 0 && test.MinimumExpected < MinimumExpectedCount && !double.IsPositiveInfinity(test.Statistic))
        {
            kind = SplitVerdictKind.TooFewSamples;
            summary = $"too few samples: {test.Samples} connections counted, the least likely endpoint expects {test.MinimumExpected.ToString("0.#", CultureInfo.InvariantCulture)}";
            explanations.Add($"Few samples: with fewer than {MinimumExpectedCount} expected connections per endpoint, chance alone gives large deviations. Wait for more traffic before judging the split.");
        }
        else if (test.PValue < SignificanceLevel)
        {
            kind = SplitVerdictKind.SkewedBeyondChance;
            summary = $"skewed beyond chance: chi-square {chi} with {test.DegreesOfFreedom} degrees of freedom, p = {p} over {test.Samples} connections";
        }
        else
        {
            kind = SplitVerdictKind.WithinChance;
            summary = $"within what chance gives: chi-square {chi} with {test.DegreesOfFreedom} degrees of freedom, p = {p} over {test.Samples} connections";
        }

        if (kind != SplitVerdictKind.TooFewSamples)
        {
            AddReasons(kind, conditions, explanations);
        }

        return new SplitVerdict(kind, test, summary, explanations);
    }

    private static void AddReasons(SplitVerdictKind kind, SplitConditions conditions, List<string> explanations)
    {
        if (conditions.AffinitySeconds is { } seconds)
        {
            explanations.Add($"Session affinity (ClientIP, {seconds} s): a client that connected once returns to the same endpoint, so a few busy clients pull the split towards their endpoints.");
        }

        if (conditions.LocalTrafficPolicy)
        {
            explanations.Add("Traffic policy Local: external traffic reaches only this node's endpoints (KUBE-SVL chain), so one node's counters do not follow the cluster-wide shares.");
        }

        if (kind == SplitVerdictKind.SkewedBeyondChance)
        {
            explanations.Add("Counters count since each rule was created: an endpoint added or restarted later has fewer connections than its share suggests.");
        }

        explanations.Add("Balancing is per connection, not per request: nat rules see only a connection's first packet, so clients that keep connections alive (HTTP keep-alive, gRPC, database pools) put all their requests on the endpoint they first reached.");
    }
}
