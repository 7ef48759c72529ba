namespace NetView.Web.Ingestion;

/// <summary>The connection series of one endpoint: per node, and summed over nodes per second (per bucket for older points).</summary>
public sealed record EndpointSeries(string Address, IReadOnlyList<NodeSeries> Nodes, IReadOnlyList<SeriesPoint> Total);
