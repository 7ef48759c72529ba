namespace NetView.Core.Iptables;

/// <summary>How much a diagnostic matters to the reader of an analysis.</summary>
public enum DiagnosticSeverity
{
    Info,
    Warning,
    Error,
}
