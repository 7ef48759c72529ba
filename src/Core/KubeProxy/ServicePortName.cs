namespace NetView.Core.KubeProxy;

/// <summary>
/// kube-proxy's name of a service port, <c>ns/svc:port</c>. kube-proxy before 1.17 wrote an
/// unnamed port as <c>ns/svc:</c>, later ones as <c>ns/svc</c>; <see cref="Name"/> is the later form
/// for both, <see cref="Written"/> is what the rules say (and what the chain-name hashes were made from).
/// </summary>
public sealed record ServicePortName(string Namespace, string Service, string PortName, string Written)
{
    /// <summary><c>ns/svc:port</c>, or <c>ns/svc</c> when the port has no name.</summary>
    public string Name { get; } = PortName.Length == 0 ? Namespace + "/" + Service : Namespace + "/" + Service + ":" + PortName;

    /// <summary>Reads <c>ns/svc</c>, <c>ns/svc:</c> or <c>ns/svc:port</c>; false for anything else.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out ServicePortName? name)
    {
        name = null;
        var slash = text.IndexOf('/');
        if (slash <= 0 || slash == text.Length - 1)
        {
            return false;
        }

        var rest = text[(slash + 1)..];
        if (rest.IndexOf('/') >= 0 || !IsNamePart(text[..slash]))
        {
            return false;
        }

        var colon = rest.IndexOf(':');
        var service = colon < 0 ? rest : rest[..colon];
        var port = colon < 0 ? [] : rest[(colon + 1)..];
        if (service.IsEmpty || !IsNamePart(service) || !IsNamePart(port))
        {
            return false;
        }

        name = new ServicePortName(text[..slash].ToString(), service.ToString(), port.ToString(), text.ToString());
        return true;
    }

    // Namespaces, Service names and port names are DNS labels or IANA service names; being a
    // little wider than Kubernetes costs nothing and keeps odd but real names readable.
    private static bool IsNamePart(ReadOnlySpan<char> part)
    {
        foreach (var c in part)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() => Name;
}
