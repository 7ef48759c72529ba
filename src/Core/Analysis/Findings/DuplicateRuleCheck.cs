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
        // One dictionary, cleared per chain: it never holds more than the longest chain.
        var first = new Dictionary<RuleTextKey, Rule>();
        foreach (var table in ruleSet.Tables)
        {
            Dictionary<Rule, List<Rule>>? repeats = null;
            foreach (var chain in table.Chains)
            {
                first.Clear();
                for (var i = 0; i < chain.Rules.Count; i++)
                {
                    var rule = chain.Rules[i];
                    var key = RuleTextKey.Of(rule);
                    if (!first.TryAdd(key, rule))
                    {
                        repeats ??= [];
                        var original = first[key];
                        if (!repeats.TryGetValue(original, out var copies))
                        {
                            copies = [];
                            repeats.Add(original, copies);
                        }

                        copies.Add(rule);
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
}
