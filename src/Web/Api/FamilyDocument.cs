namespace NetView.Web.Api;

/// <summary>One family of a node in <c>GET /api/nodes</c>.</summary>
internal sealed record FamilyDocument(string Family, string Hash, int Rules, DateTimeOffset ReceivedAt, DateTimeOffset? CounterTimestamp);
