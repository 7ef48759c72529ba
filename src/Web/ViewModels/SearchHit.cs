namespace NetView.Web.ViewModels;

/// <summary>One answer of the global search: what it is ("service", "IP", "chain", "node"), how it reads, where it leads.</summary>
public sealed record SearchHit(string Kind, string Label, string Href);
