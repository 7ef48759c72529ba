using NetView.Core.Iptables;

namespace NetView.Core.Analysis.Findings;

/// <summary>
/// The lines the parser could not read into rules, as findings, so that nothing is skipped
/// silently. Diagnostics on lines that did become rules (a jump into a chain the excerpt lacks)
/// are left to the checks that judge rules, and notes about the whole input to the diagnostics.
/// </summary>
public static class UnparsedLineCheck
{
    internal static void Run(RuleSet ruleSet, FindingSink sink)
    {
        if (ruleSet.Diagnostics.Count == 0)
        {
            return;
        }

        // The diagnostics' lines that became rules: a set as small as the diagnostics, not as big as the rules.
        var diagnosticLines = new HashSet<int>();
        foreach (var diagnostic in ruleSet.Diagnostics)
        {
            diagnosticLines.Add(diagnostic.Line);
        }

        var ruleLines = new HashSet<int>();
        foreach (var table in ruleSet.Tables)
        {
            foreach (var chain in table.Chains)
            {
                for (var r = 0; r < chain.Rules.Count; r++)
                {
                    if (diagnosticLines.Contains(chain.Rules[r].Line))
                    {
                        ruleLines.Add(chain.Rules[r].Line);
                    }
                }
            }
        }

        foreach (var diagnostic in ruleSet.Diagnostics)
        {
            var severity = diagnostic.Severity switch
            {
                DiagnosticSeverity.Error => FindingSeverity.Error,
                DiagnosticSeverity.Warning => FindingSeverity.Warning,
                _ => FindingSeverity.Info,
            };
            if (ruleLines.Contains(diagnostic.Line) || (diagnostic.Line == 0 && severity == FindingSeverity.Info))
            {
                continue;
            }

            sink.Add(new Finding(FindingCodes.UnparsedLine, severity, diagnostic.Line > 0 ? $"line {diagnostic.Line}" : "input",
                diagnostic.Message, [new Evidence("", diagnostic.Text ?? "", diagnostic.Line)]));
        }
    }
}
