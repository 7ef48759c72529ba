namespace NetView.Core.Analysis.Json;

/// <summary>A rule behind a finding: <c>table/CHAIN#n</c>, its text, its input line.</summary>
public sealed record EvidenceDocument(string Rule, string Text, int Line);
