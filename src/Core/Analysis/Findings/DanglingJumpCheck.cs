using NetView.Core.Iptables;

namespace NetView.Core.Analysis.Findings;

/// <summary>
/// A jump to a chain the input does not have. The kernel refuses such rules, so in a whole dump it
/// means the dump was edited or cut; in an excerpt the chain is merely elsewhere.
/// </summary>
public static class DanglingJumpCheck
{
    /// <summary>How many jumping rules a finding lists as evidence.</summary>
    public const int MaxEvidence = 10;

    internal static void Run(RuleSet ruleSet, FindingSink sink)
    {
        var excerpt = FindingChecks.MayBeExcerpt(ruleSet);
        foreach (var table in ruleSet.Tables)
        {
            Dictionary<string, List<Rule>>? missing = null;
            foreach (var chain in table.Chains)
            {
                for (var r = 0; r < chain.Rules.Count; r++)
                {
                    ref readonly var row = ref chain.RowAt(r);
                    if (!JumpsToUserChain(row))
                    {
                        continue;
                    }

                    var targetName = row.TargetName;
                    var target = table.Chain(targetName);
                    if (target is { Declared: true } || target is { Rules.Count: > 0 })
                    {
                        continue;
                    }

                    missing ??= new Dictionary<string, List<Rule>>(StringComparer.Ordinal);
                    if (!missing.TryGetValue(targetName, out var rules))
                    {
                        rules = [];
                        missing.Add(targetName, rules);
                    }

                    rules.Add(chain.Rules[r]);
                }
            }

            if (missing is null)
            {
                continue;
            }

            foreach (var (name, rules) in missing)
            {
                var evidence = new List<Evidence>(Math.Min(rules.Count, MaxEvidence));
                for (var i = 0; i < rules.Count && i < MaxEvidence; i++)
                {
                    evidence.Add(Evidence.Of(rules[i]));
                }

                sink.Add(excerpt
                    ? new Finding(FindingCodes.DanglingJump, FindingSeverity.Info, $"{table.Name}/{name}",
                        $"{rules.Count} rule(s) jump to {table.Name}/{name}, which is not in this excerpt.", evidence,
                        $"iptables-save -t {table.Name} shows the whole table.")
                    : new Finding(FindingCodes.DanglingJump, FindingSeverity.Error, $"{table.Name}/{name}",
                        $"{rules.Count} rule(s) jump to {table.Name}/{name}, which does not exist in this dump: iptables-restore would refuse it.",
                        evidence, "Check whether the dump was edited or truncated."));
            }
        }
    }

    /// <summary>
    /// A user chain as target: neither a built-in verdict nor an extension target. Extension
    /// targets iptables does not list as built in still carry options; a chain never does.
    /// </summary>
    private static bool JumpsToUserChain(in RuleRows.Row row) =>
        RuleRows.TargetKindOf(row) != TargetKind.None && row.TargetName.Length > 0 && !Target.IsBuiltinName(row.TargetName) && !RuleRows.TargetHasOptions(row);
}
