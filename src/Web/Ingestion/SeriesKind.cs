namespace NetView.Web.Ingestion;

/// <summary>What a counter history follows.</summary>
public enum SeriesKind
{
    /// <summary>The counter frames of a node and family: which intervals were observed at all.</summary>
    Timeline = 0,

    /// <summary>The DNAT rule of one endpoint of one service port: connections to that endpoint.</summary>
    Endpoint = 1,

    /// <summary>The rules jumping to one kube-proxy chain: connections entering it.</summary>
    Chain = 2,
}
