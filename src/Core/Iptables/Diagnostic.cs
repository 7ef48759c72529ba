namespace NetView.Core.Iptables;

/// <summary>
/// Something the parser could not fully understand or had to assume, tied to the input line it
/// concerns. Nothing in the input is dropped silently: every skipped line yields one.
/// </summary>
/// <param name="Line">1-based line number in the input; 0 when it concerns the whole input.</param>
/// <param name="Text">The offending line (possibly shortened), for display — untrusted text.</param>
public sealed record Diagnostic(int Line, DiagnosticSeverity Severity, string Message, string? Text = null);
