using System.Globalization;
using NetView.Core.KubeProxy;

namespace NetView.Core.Analysis.Findings;

/// <summary>
/// Counters that disagree with the split the <c>statistic</c> rules intend, beyond what chance
/// gives (chi-square, p &lt; 0.001). Each endpoint's DNAT rule counts the connections it took;
/// too few connections stay quiet rather than cry wolf.
/// </summary>
public static class UnevenObservedSplitCheck
{
    internal static void Run(IReadOnlyList<ServicePort> servicePorts, FindingSink sink)
    {
        foreach (var port in servicePorts)
        {
            if (!AllCounted(port.Endpoints))
            {
                continue;
            }

            var endpoints = port.Endpoints.Where(e => e.Probability is not null).ToList();

            var observed = endpoints.Select(e => e.Connections!.Value).ToArray();
            var expected = endpoints.Select(e => e.Probability!.Value).ToArray();
            var conditions = new SplitConditions(port.SessionAffinitySeconds, port.ExternalTrafficPolicy == TrafficPolicy.Local || port.InternalTrafficPolicy == TrafficPolicy.Local);
            var verdict = SplitVerdict.Judge(observed, expected, conditions);
            if (verdict.Kind != SplitVerdictKind.SkewedBeyondChance)
            {
                continue;
            }

            var total = observed.Sum();
            var split = string.Join(", ", endpoints.Select((e, i) =>
                $"{e.Address} {observed[i]} ({Percent(observed[i] / (double)total)}, expected {Percent(expected[i])})"));
            var evidence = endpoints
                .Select(e => port.Rules.FirstOrDefault(r => r.Chain == e.Chain && r.TargetName == "DNAT"))
                .Where(r => r is not null)
                .Select(r => Evidence.Of(r!))
                .ToList();
            sink.Add(new Finding(FindingCodes.UnevenObservedSplit, FindingSeverity.Warning, port.Name,
                $"{port.Name}: the counters are {verdict.Summary}. Connections per endpoint: {split}.",
                evidence,
                string.Join(" ", verdict.Explanations)));
        }
    }

    // Two or more endpoints in the cluster cascade, each with counters; asked of every service port
    // of a big dump, so without a list per port.
    private static bool AllCounted(IReadOnlyList<ServiceEndpoint> endpoints)
    {
        var inCascade = 0;
        for (var i = 0; i < endpoints.Count; i++)
        {
            if (endpoints[i].Probability is not null)
            {
                if (endpoints[i].Connections is null)
                {
                    return false;
                }

                inCascade++;
            }
        }

        return inCascade >= 2;
    }

    private static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
