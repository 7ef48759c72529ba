using NetView.Core.Iptables;

namespace NetView.Core.Analysis.Findings;

/// <summary>Every line the parser could not fully read, as a finding, so that nothing is skipped silently.</summary>
public static class UnparsedLineCheck
{
    internal static void Run(RuleSet ruleSet, FindingSink sink)
    {
        foreach (var diagnostic in ruleSet.Diagnostics)
        {
            var severity = diagnostic.Severity switch
            {
                DiagnosticSeverity.Error => FindingSeverity.Error,
                DiagnosticSeverity.Warning => FindingSeverity.Warning,
                _ => FindingSeverity.Info,
            };
            sink.Add(new Finding(FindingCodes.UnparsedLine, severity, $"line {diagnostic.Line}", diagnostic.Message,
                [new Evidence("", diagnostic.Text ?? "", diagnostic.Line)]));
        }
    }
}
