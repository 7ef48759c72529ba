using System.Globalization;

namespace NetView.Core.KubeProxy.Simulation;

/// <summary>
/// The <c>statistic --mode random --probability</c> values of kube-proxy's cascade, as written and
/// as read back. kube-proxy writes 1/n with ten decimals; the kernel keeps the probability as a
/// 31-bit fraction (<c>lround(0x80000000 * p)</c>, libxt_statistic) and iptables-save prints that
/// fraction with <c>%.11f</c>, so 0.3333333333 comes back as 0.33333333349.
/// </summary>
public static class StatisticProbability
{
    private const double Scale = 0x80000000;

    /// <summary>What kube-proxy writes for the rule with <paramref name="remaining"/> endpoints left: <c>%0.10f</c> of 1/remaining.</summary>
    public static string Written(int remaining)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(remaining, 1);
        return (1.0 / remaining).ToString("F10", CultureInfo.InvariantCulture);
    }

    /// <summary>The 31-bit fraction the kernel stores for a written probability.</summary>
    public static uint KernelFraction(string written) =>
        (uint)Math.Round(Scale * double.Parse(written, CultureInfo.InvariantCulture), MidpointRounding.AwayFromZero);

    /// <summary>What iptables-save prints for a stored fraction: its exact value rounded to 11 decimals.</summary>
    public static string Saved(uint fraction)
    {
        // Exact decimal arithmetic: fraction * 10^11 / 2^31, rounded half to even like glibc's printf.
        var scaled = (UInt128)fraction * 100_000_000_000UL;
        var quotient = scaled >> 31;
        var remainder = scaled & ((UInt128)Scale - 1);
        var half = (UInt128)(1UL << 30);
        if (remainder > half || (remainder == half && (quotient & 1) == 1))
        {
            quotient++;
        }

        var whole = (ulong)(quotient / 100_000_000_000UL);
        var decimals = (ulong)(quotient % 100_000_000_000UL);
        return string.Create(CultureInfo.InvariantCulture, $"{whole}.{decimals:D11}");
    }

    /// <summary>The probability iptables-save shows for kube-proxy's rule with <paramref name="remaining"/> endpoints left.</summary>
    public static string SavedForRemaining(int remaining) => Saved(KernelFraction(Written(remaining)));
}
