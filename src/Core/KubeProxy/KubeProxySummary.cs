namespace NetView.Core.KubeProxy;

/// <summary>The sizes of a rule set and of what kube-proxy made of it.</summary>
public sealed record KubeProxySummary(IReadOnlyList<TableSummary> Tables, int Rules, int ServicePorts, int Endpoints);
