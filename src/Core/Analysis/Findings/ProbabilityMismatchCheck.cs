using System.Globalization;
using NetView.Core.Iptables;
using NetView.Core.KubeProxy;

namespace NetView.Core.Analysis.Findings;

/// <summary>
/// A random cascade that does not give every endpoint 1/n of new connections, or lets some fall
/// through past its last rule. kube-proxy writes 1/(n − i) with ten decimals (five before 1.17)
/// and iptables prints back its 31-bit fixed-point value with eleven, so a printed probability
/// may differ from 1/(n − i) by up to about 5e-10 (5e-6 for the old five-decimal writing); more
/// than that is a cascade kube-proxy did not mean to write.
/// </summary>
public static class ProbabilityMismatchCheck
{
    /// <summary>iptables' fixed-point step (2^-31, halved by rounding) plus eleven-decimal printing, with room.</summary>
    public const decimal PrintingTolerance = 0.000000001m;

    /// <summary>kube-proxy before 1.17 wrote probabilities with five decimals.</summary>
    public const decimal FiveDecimalTolerance = 0.000005m;

    internal static void Run(RuleSet ruleSet, IReadOnlyList<ServicePort> servicePorts, FindingSink sink, CascadeVerdicts? verdicts = null)
    {
        var nat = ruleSet.Table("nat");
        if (nat is null)
        {
            return;
        }

        var rules = new List<Rule>();
        var probabilities = new List<decimal?>();
        foreach (var port in servicePorts)
        {
            foreach (var name in (ReadOnlySpan<string?>)[port.Chains.Svc, port.Chains.Svl, port.Chains.Xlb])
            {
                // A chain the walk judged exists; one that splits right needs no lookup at all.
                CascadeVerdicts.OffCascade? mismatch = null;
                var judged = name is not null && verdicts is not null && verdicts.TryGet(name, out mismatch);
                if (name is null || (judged && mismatch is null) || nat.Chain(name) is not { } chain)
                {
                    continue;
                }

                var finding = mismatch is { } off ? Judge(port.Name, chain, off.Rules, off.Probabilities) : Check(port.Name, chain, rules, probabilities);
                if (finding is not null)
                {
                    sink.Add(finding);
                }
            }
        }
    }

    /// <summary>The finding for one cascade chain of service port <paramref name="servicePort"/>, or null when it splits as kube-proxy means.</summary>
    public static Finding? Check(string servicePort, Chain chain) => Check(servicePort, chain, [], []);

    private static Finding? Check(string servicePort, Chain chain, List<Rule> rules, List<decimal?> probabilities)
    {
        rules.Clear();
        probabilities.Clear();
        for (var r = 0; r < chain.Rules.Count; r++)
        {
            var rule = chain.Rules[r];
            if (IsCascadeStep(rule))
            {
                rules.Add(rule);
                probabilities.Add(RuleFacts.Probability(rule));
            }
        }

        return IsOff(rules, probabilities) ? Judge(servicePort, chain, rules, probabilities) : null;
    }

    /// <summary>A rule of the cascade this check judges: a jump to an endpoint chain that is not the affinity check.</summary>
    internal static bool IsCascadeStep(Rule rule) =>
        KubeChains.KindOf(rule.TargetName) == KubeChainKind.Sep && !RuleFacts.IsAffinityCheck(rule, out _);

    /// <summary>True when a step's probability is not the 1/(n − i) kube-proxy writes, or the last step has one.</summary>
    internal static bool IsOff(IReadOnlyList<Rule> rules, IReadOnlyList<decimal?> probabilities)
    {
        // A cascade within the printing tolerance is within any wider one too: the usual answer
        // for every cascade of a big dump, without looking for the five-decimal writing.
        return IsOff(rules.Count, probabilities, PrintingTolerance) && IsOff(rules.Count, probabilities, Tolerance(probabilities));
    }

    private static bool IsOff(int steps, IReadOnlyList<decimal?> probabilities, decimal tolerance)
    {
        for (var i = 0; i < steps; i++)
        {
            if (IsOffStep(probabilities, i, tolerance))
            {
                return true;
            }
        }

        return false;
    }

    private static decimal Tolerance(IReadOnlyList<decimal?> probabilities) =>
        PrintingTolerance + (LooksFiveDecimal(probabilities) ? FiveDecimalTolerance : 0m);

    private static bool IsOffStep(IReadOnlyList<decimal?> probabilities, int i, decimal tolerance)
    {
        var last = i == probabilities.Count - 1;
        return probabilities[i] is { } p
            ? last || Math.Abs(p - ProbabilityCascade.Intended(i, probabilities.Count)) > tolerance
            : !last;
    }

    private static Finding Judge(string servicePort, Chain chain, IReadOnlyList<Rule> rules, IReadOnlyList<decimal?> probabilities)
    {
        var tolerance = Tolerance(probabilities);
        var evidence = new List<Evidence>();
        for (var i = 0; i < rules.Count; i++)
        {
            if (IsOffStep(probabilities, i, tolerance))
            {
                evidence.Add(Evidence.Of(rules[i]));
            }
        }

        var cascade = ProbabilityCascade.Evaluate(probabilities);
        var message = $"{chain.Table}/{chain.Name} of {servicePort} splits new connections {Percentages(cascade.Shares)} "
            + $"over its {rules.Count} endpoints instead of {Percent(1m / rules.Count)} each";
        if (cascade.FallThrough > 0m)
        {
            message += $"; {Percent(cascade.FallThrough)} fall through past the last rule, which has a probability";
        }

        return new Finding(FindingCodes.ProbabilityMismatch, FindingSeverity.Warning, $"{chain.Table}/{chain.Name}", message + ".", evidence,
            "Compare with what kube-proxy writes now: restart or resync kube-proxy, and look for another program editing its chains.");
    }

    private static bool LooksFiveDecimal(IReadOnlyList<decimal?> probabilities)
    {
        for (var i = 0; i < probabilities.Count; i++)
        {
            if (probabilities[i] is { } p && Math.Abs(p - Math.Round(p, 5)) > PrintingTolerance)
            {
                return false;
            }
        }

        return true;
    }

    private static string Percentages(IReadOnlyList<decimal> shares)
    {
        var parts = new string[shares.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = Percent(shares[i]);
        }

        return string.Join(" / ", parts);
    }

    private static string Percent(decimal share) => (share * 100m).ToString("0.####", CultureInfo.InvariantCulture) + " %";
}
