namespace NetView.Web.ViewModels;

/// <summary>
/// Every view's deep link in one place, so that pages, search and findings agree on the URL shape:
/// <c>/nodes/{node}?table=&amp;chain=</c>, <c>/services/{ns}/{svc}/{port}?node=&amp;window=</c>, and
/// <c>import={id}</c> on any of them when the view shows an imported dump.
/// </summary>
public static class Links
{
    /// <summary>The path segment of an unnamed service port ("ns/svc" in kube-proxy's comments).</summary>
    public const string UnnamedPort = "-";

    public static string Node(string node, string? importId = null, string? table = null, string? chain = null) =>
        Build($"/nodes/{Uri.EscapeDataString(node)}", ("table", table), ("chain", chain), ("import", importId));

    public static string Service(string ns, string service, string portName, string? importId = null, string? node = null, int? windowSeconds = null, IEnumerable<string>? path = null) =>
        Build(
            $"/services/{Uri.EscapeDataString(ns)}/{Uri.EscapeDataString(service)}/{Uri.EscapeDataString(portName.Length == 0 ? UnnamedPort : portName)}",
            ("node", node),
            ("window", windowSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("path", path is null ? null : string.Join(',', path)),
            ("import", importId));

    public static string Services(string? importId = null, string? filter = null) =>
        Build("/services", ("q", filter), ("import", importId));

    public static string Overview(string? importId = null) => Build("/", ("import", importId));

    public static string Trace(TraceRequest request, string? importId = null) =>
        Build(
            "/trace",
            ("node", request.Node),
            ("src", request.Source),
            ("dst", request.Destination),
            ("dport", request.DestinationPort),
            ("sport", request.SourcePort),
            ("proto", request.Protocol),
            ("from", request.Origin.ToString().ToLowerInvariant()),
            ("nodeip", request.NodeAddresses),
            ("import", importId));

    /// <summary>The port name a route segment stands for ("" for <see cref="UnnamedPort"/>).</summary>
    public static string PortName(string segment) => segment == UnnamedPort ? "" : segment;

    private static string Build(string path, params (string Name, string? Value)[] query)
    {
        var separator = '?';
        var text = new System.Text.StringBuilder(path);
        foreach (var (name, value) in query)
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            text.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        return text.ToString();
    }
}
