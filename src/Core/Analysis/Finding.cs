namespace NetView.Core.Analysis;

/// <summary>
/// Something an analysis noticed about a rule set, with the rules that show it. The subject names
/// what it is about: a service port (<c>ns/svc:port</c>), a chain (<c>nat/KUBE-SVC-...</c>) or a
/// line of the input.
/// </summary>
/// <param name="Code">One of <see cref="FindingCodes"/>; stable, scripts match on it.</param>
/// <param name="NextStep">What to look at or run next, when there is something useful to say.</param>
public sealed record Finding(
    string Code,
    FindingSeverity Severity,
    string Subject,
    string Message,
    IReadOnlyList<Evidence> Evidence,
    string? NextStep = null);
