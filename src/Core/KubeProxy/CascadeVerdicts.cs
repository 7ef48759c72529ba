using NetView.Core.Iptables;

namespace NetView.Core.KubeProxy;

/// <summary>
/// The endpoint cascades the analyzer has already read, judged as it read them: the probability
/// check then needs to read again only the chains the walk did not reach, instead of decoding
/// every KUBE-SVC rule of a big dump a second time.
/// </summary>
internal sealed class CascadeVerdicts
{
    private readonly HashSet<string> _judged = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Rule[] Rules, decimal?[] Probabilities)> _mismatched = new(StringComparer.Ordinal);

    /// <summary>Judges the cascade of <paramref name="chain"/>: its endpoint-jumping rules and their probabilities.</summary>
    public void Judge(string chain, List<Rule> rules, List<decimal?> probabilities)
    {
        if (!_judged.Add(chain))
        {
            return;
        }

        if (Analysis.Findings.ProbabilityMismatchCheck.IsOff(rules, probabilities))
        {
            _mismatched[chain] = (rules.ToArray(), probabilities.ToArray());
        }
    }

    /// <summary>True when the walk judged this chain; <paramref name="mismatch"/> is then its off cascade, or null when it splits right.</summary>
    public bool TryGet(string chain, out (Rule[] Rules, decimal?[] Probabilities)? mismatch)
    {
        mismatch = _mismatched.TryGetValue(chain, out var found) ? found : null;
        return _judged.Contains(chain);
    }
}
