namespace NetView.Core.Analysis.Json;

/// <summary>Chains and rules per table, and how many service ports and endpoints the analysis found.</summary>
public sealed record SummaryDocument(Dictionary<string, TableDocument> Tables, int Rules, int ServicePorts, int Endpoints);
