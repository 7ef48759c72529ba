namespace NetView.Core.Analysis.Json;

/// <summary>Chain and rule count of one table.</summary>
public sealed record TableDocument(int Chains, int Rules);
