namespace NetView.Core.KubeProxy;

/// <summary>How many chains and rules one table holds.</summary>
public sealed record TableSummary(string Name, int Chains, int Rules);
