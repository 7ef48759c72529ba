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
        foreach (var table in ruleSet.Tables)
        {
            // A rule's text starts with "-A CHAIN", so one dictionary per table keys (chain, rule).
            // Keyed by the UTF-8 bytes: decoding 300,000 rule texts would cost more than the parse did.
            var first = new Dictionary<ReadOnlyMemory<byte>, Rule>(table.RuleCount, Utf8TextComparer.Instance);
            Dictionary<Rule, List<Rule>>? repeats = null;
            foreach (var chain in table.Chains)
            {
                foreach (var rule in chain.Rules)
                {
                    var text = rule.TextUtf8;
                    if (!first.TryAdd(text, rule))
                    {
                        repeats ??= [];
                        var original = first[text];
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

    private sealed class Utf8TextComparer : IEqualityComparer<ReadOnlyMemory<byte>>
    {
        public static readonly Utf8TextComparer Instance = new();

        public bool Equals(ReadOnlyMemory<byte> x, ReadOnlyMemory<byte> y) => x.Span.SequenceEqual(y.Span);

        public int GetHashCode(ReadOnlyMemory<byte> text)
        {
            var hash = new HashCode();
            hash.AddBytes(text.Span);
            return hash.ToHashCode();
        }
    }
}
