namespace NetView.Web.ViewModels;

/// <summary>
/// A finding as the overview lists it, with the node it was found on and the link to the page that
/// shows what it points at (the service page, or the chain on the node page). Texts are untrusted.
/// </summary>
public sealed record FindingView(string Code, string Severity, string Subject, string Message, string? NextStep, string Node, string Href);
