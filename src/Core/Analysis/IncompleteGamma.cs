namespace NetView.Core.Analysis;

/// <summary>
/// The regularized upper incomplete gamma function Q(a, x), which gives chi-square tail
/// probabilities: P(X ≥ x) for k degrees of freedom is Q(k/2, x/2). Computed so that tails down to
/// 1e-12 and beyond keep their relative precision: the continued fraction gives Q directly in the
/// tail instead of 1 − P, which would cancel to zero.
/// </summary>
internal static class IncompleteGamma
{
    private const int MaxIterations = 10_000;
    private const double Epsilon = 1e-16;
    private const double Tiny = 1e-300;

    // Lanczos approximation, g = 7, n = 9: about 15 significant digits for a > 0.
    private static readonly double[] LanczosCoefficients =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012,
        9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    public static double LogGamma(double a)
    {
        if (a < 0.5)
        {
            // Reflection keeps the series in its accurate range.
            return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * a))) - LogGamma(1 - a);
        }

        a -= 1;
        var sum = LanczosCoefficients[0];
        var t = a + 7.5;
        for (var i = 1; i < LanczosCoefficients.Length; i++)
        {
            sum += LanczosCoefficients[i] / (a + i);
        }

        return 0.5 * Math.Log(2 * Math.PI) + (a + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }

    /// <summary>Q(a, x) = Γ(a, x) / Γ(a) for a &gt; 0, x ≥ 0.</summary>
    public static double RegularizedUpper(double a, double x)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(a);
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (x <= 0)
        {
            return 1;
        }

        if (double.IsPositiveInfinity(x))
        {
            return 0;
        }

        return x < a + 1 ? 1 - LowerSeries(a, x) : UpperContinuedFraction(a, x);
    }

    // P(a, x) by its power series; converges fast for x < a + 1, where Q is not small.
    private static double LowerSeries(double a, double x)
    {
        var term = 1 / a;
        var sum = term;
        for (var n = 1; n < MaxIterations; n++)
        {
            term *= x / (a + n);
            sum += term;
            if (Math.Abs(term) < Math.Abs(sum) * Epsilon)
            {
                break;
            }
        }

        return Math.Min(1, sum * Math.Exp(-x + a * Math.Log(x) - LogGamma(a)));
    }

    // Q(a, x) by Legendre's continued fraction, evaluated with the modified Lentz method.
    private static double UpperContinuedFraction(double a, double x)
    {
        var b = x + 1 - a;
        var c = 1 / Tiny;
        var d = 1 / b;
        var h = d;
        for (var i = 1; i < MaxIterations; i++)
        {
            var an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.Abs(d) < Tiny)
            {
                d = Tiny;
            }

            c = b + an / c;
            if (Math.Abs(c) < Tiny)
            {
                c = Tiny;
            }

            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < Epsilon)
            {
                break;
            }
        }

        return Math.Exp(-x + a * Math.Log(x) - LogGamma(a)) * h;
    }
}
