using NetView.Core.Iptables;

namespace NetView.Core.Analysis.Findings;

/// <summary>
/// The same rule more than once in one chain. A repeated jump into an endpoint cascade changes
/// the split; any other repeat is at best dead weight that every packet walks past.
/// </summary>
public static class DuplicateRuleCheck
{
    internal static void Run(RuleSet ruleSet, FindingSink sink)
    {
        // One dictionary, cleared per long chain: it never holds more than the longest chain. Short
        // chains (endpoint chains have two rules) are compared rule by rule instead: clearing a
        // dictionary sized for KUBE-SERVICES once per endpoint chain costs more than all the rest.
        // Keyed by the rule's text, to its position in the chain: views are made only for what is reported.
        var first = new Dictionary<RuleTextKey, int>();
        var shortChain = new RuleTextKey[ShortChain];
        foreach (var table in ruleSet.Tables)
        {
            Dictionary<Rule, List<Rule>>? repeats = null;
            foreach (var chain in table.Chains)
            {
                var rules = chain.Rules;
                if (rules.Count <= ShortChain)
                {
                    for (var i = 0; i < rules.Count; i++)
                    {
                        shortChain[i] = RuleTextKey.Of(chain, i);
                        var earlier = Array.IndexOf(shortChain, shortChain[i], 0, i);
                        if (earlier >= 0)
                        {
                            AddRepeat(ref repeats, rules[earlier], rules[i]);
                        }
                    }

                    continue;
                }

                // Sized for the chain at once: on the way up to KUBE-SERVICES' 17,600 rules each
                // doubling was another large array left for a full collection.
                first.Clear();
                first.EnsureCapacity(rules.Count);
                for (var i = 0; i < rules.Count; i++)
                {
                    var key = RuleTextKey.Of(chain, i);
                    if (!first.TryAdd(key, i))
                    {
                        AddRepeat(ref repeats, rules[first[key]], rules[i]);
                    }
                }
            }

            if (repeats is null)
            {
                continue;
            }

            foreach (var (original, copies) in repeats)
            {
                var evidence = new List<Evidence>(copies.Count + 1) { Evidence.Of(original) };
                foreach (var copy in copies)
                {
                    evidence.Add(Evidence.Of(copy));
                }

                sink.Add(new Finding(FindingCodes.DuplicateRule, FindingSeverity.Warning, $"{original.Table}/{original.Chain}",
                    $"{original.Reference} appears {copies.Count + 1} times in {original.Table}/{original.Chain}.",
                    evidence,
                    "Find who added the copy (kube-proxy never writes one): another controller, a script, or a manual iptables -A."));
            }
        }
    }

    private const int ShortChain = 8;

    /// <summary>Records <paramref name="copy"/> as a repeat of the chain's first rule with the same text.</summary>
    private static void AddRepeat(ref Dictionary<Rule, List<Rule>>? repeats, Rule original, Rule copy)
    {
        repeats ??= [];
        if (!repeats.TryGetValue(original, out var copies))
        {
            copies = [];
            repeats.Add(original, copies);
        }

        copies.Add(copy);
    }
}
