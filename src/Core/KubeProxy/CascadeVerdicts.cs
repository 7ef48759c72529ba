using NetView.Core.Iptables;

namespace NetView.Core.KubeProxy;

/// <summary>
/// The endpoint cascades the analyzer has already read, judged as it read them: the probability
/// check then needs to read again only the chains the walk did not reach, instead of decoding
/// every KUBE-SVC rule of a big dump a second time.
/// </summary>
internal sealed class CascadeVerdicts
{
    // Every judged chain, with its off cascade or null when it splits right: one lookup answers both.
    private readonly Dictionary<string, OffCascade?> _judged;

    /// <param name="expected">About how many cascades there will be.</param>
    public CascadeVerdicts(int expected = 0)
    {
        _judged = new(expected, StringComparer.Ordinal);
    }

    /// <summary>Judges the cascade of <paramref name="chain"/>: its endpoint-jumping rules and their probabilities.</summary>
    public void Judge(string chain, List<Rule> rules, List<decimal?> probabilities)
    {
        ref var verdict = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_judged, chain, out var judged);
        if (!judged)
        {
            verdict = Analysis.Findings.ProbabilityMismatchCheck.IsOff(rules, probabilities)
                ? new OffCascade(rules.ToArray(), probabilities.ToArray())
                : null;
        }
    }

    /// <summary>True when the walk judged this chain; <paramref name="mismatch"/> is then its off cascade, or null when it splits right.</summary>
    public bool TryGet(string chain, out OffCascade? mismatch) => _judged.TryGetValue(chain, out mismatch);

    /// <summary>A cascade that does not split as kube-proxy means: its steps and their probabilities.</summary>
    public sealed record OffCascade(Rule[] Rules, decimal?[] Probabilities);
}
