using NetView.Core.Iptables;

namespace NetView.Core.Analysis;

/// <summary>A rule (or input line) that supports a finding.</summary>
/// <param name="Rule"><c>table/CHAIN#n</c> as <c>iptables -L --line-numbers</c> counts; empty for a line that is no rule.</param>
/// <param name="Text">The rule or line as read. Untrusted text from a node: render it escaped.</param>
/// <param name="Line">1-based line in the input; 0 when unknown.</param>
public sealed record Evidence(string Rule, string Text, int Line)
{
    public static Evidence Of(Rule rule) => new(rule.Reference, rule.Text, rule.Line);
}
