namespace NetView.Core.KubeProxy;

/// <summary>A kube-proxy rule comment taken apart: which service port, what kind of rule, and the endpoint it names.</summary>
internal readonly record struct KubeProxyComment(ServicePortName Name, CommentKind Kind, string? Address)
{
    private static readonly (string Prefix, CommentKind Kind)[] Prefixes =
    [
        ("masquerade traffic for ", CommentKind.MasqueradeExternal),
        ("pod traffic for ", CommentKind.PodExternal),
        ("masquerade LOCAL traffic for ", CommentKind.MasqueradeLocal),
        ("route LOCAL traffic for ", CommentKind.RouteLocal),
    ];

    private static readonly (string Suffix, CommentKind Kind)[] Suffixes =
    [
        (" cluster IP", CommentKind.ClusterIP),
        (" external IP", CommentKind.ExternalIP),
        (" loadbalancer IP", CommentKind.LoadBalancerIP),
        (" has no endpoints", CommentKind.NoEndpoints),
        (" has no local endpoints", CommentKind.NoLocalEndpoints),
        (" health check node port", CommentKind.HealthCheckNodePort),
    ];

    /// <summary>Reads a comment; false when it names no service port (e.g. "kubernetes service portals").</summary>
    public static bool TryParse(string? comment, out KubeProxyComment parsed)
    {
        parsed = default;
        if (string.IsNullOrEmpty(comment) || comment.IndexOf('/') < 0)
        {
            return false;
        }

        var text = comment.AsSpan().Trim();
        var kind = CommentKind.Plain;
        foreach (var (prefix, prefixKind) in Prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                text = text[prefix.Length..];
                kind = prefixKind;
                break;
            }
        }

        if (kind == CommentKind.Plain && text.StartsWith("Balancing rule ", StringComparison.Ordinal))
        {
            var forAt = text.IndexOf(" for ", StringComparison.Ordinal);
            if (forAt < 0)
            {
                return false;
            }

            text = text[(forAt + 5)..];
            kind = CommentKind.Balancing;
        }

        var space = text.IndexOf(' ');
        var token = space < 0 ? text : text[..space];
        var rest = space < 0 ? [] : text[space..];
        if (!ServicePortName.TryParse(token, out var name))
        {
            return false;
        }

        string? address = null;
        if (kind == CommentKind.Plain && !rest.IsEmpty)
        {
            kind = Classify(rest, out address);
        }

        parsed = new KubeProxyComment(name!, kind, address);
        return true;
    }

    private static CommentKind Classify(ReadOnlySpan<char> rest, out string? address)
    {
        address = null;
        if (rest.StartsWith(" -> ", StringComparison.Ordinal))
        {
            address = rest[4..].Trim().ToString();
            return CommentKind.Endpoint;
        }

        if (rest.StartsWith(" traffic not accepted by ", StringComparison.Ordinal))
        {
            return CommentKind.FirewallDrop;
        }

        foreach (var (suffix, kind) in Suffixes)
        {
            if (rest.SequenceEqual(suffix))
            {
                return kind;
            }
        }

        return CommentKind.Other;
    }
}
