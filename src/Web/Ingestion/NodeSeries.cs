using NetView.Core.Iptables;

namespace NetView.Web.Ingestion;

/// <summary>One node's series of one endpoint or chain.</summary>
public sealed record NodeSeries(string Node, IpFamily Family, IReadOnlyList<SeriesPoint> Points);
