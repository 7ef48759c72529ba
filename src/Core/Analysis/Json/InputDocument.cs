namespace NetView.Core.Analysis.Json;

/// <summary>What the analysed text was: its shape (save, save-c, rule-specs, listing, fragment), backend and whether it had counters.</summary>
public sealed record InputDocument(string Format, string? Backend, bool HasCounters);
