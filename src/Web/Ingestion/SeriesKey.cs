using NetView.Core.Iptables;

namespace NetView.Web.Ingestion;

/// <summary>
/// Names one counter history of one node and family. <see cref="Subject"/> is empty for the
/// timeline, <c>ns/svc:port -&gt; ip:port</c> for an endpoint (kube-proxy's own comment form), and
/// the chain name for a chain.
/// </summary>
public readonly record struct SeriesKey(string Node, IpFamily Family, SeriesKind Kind, string Subject)
{
    public static SeriesKey Timeline(string node, IpFamily family) => new(node, family, SeriesKind.Timeline, "");

    public static SeriesKey Endpoint(string node, IpFamily family, string servicePort, string address) =>
        new(node, family, SeriesKind.Endpoint, EndpointSubject(servicePort, address));

    public static SeriesKey Chain(string node, IpFamily family, string chain) => new(node, family, SeriesKind.Chain, chain);

    public static string EndpointSubject(string servicePort, string address) => $"{servicePort} -> {address}";
}
