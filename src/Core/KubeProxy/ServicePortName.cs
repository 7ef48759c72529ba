namespace NetView.Core.KubeProxy;

/// <summary>
/// kube-proxy's name of a service port, <c>ns/svc:port</c>. kube-proxy before 1.17 wrote an
/// unnamed port as <c>ns/svc:</c>, later ones as <c>ns/svc</c>; <see cref="Name"/> is the later form
/// for both, <see cref="Written"/> is what the rules say (and what the chain-name hashes were made from).
/// </summary>
public sealed record ServicePortName(string Namespace, string Service, string PortName, string Written)
{
    /// <summary><c>ns/svc:port</c>, or <c>ns/svc</c> when the port has no name.</summary>
    public string Name { get; } = LaterForm(Namespace, Service, PortName, Written);

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

    // Nearly always what the rules say is already the later form: that string then serves as both,
    // instead of a second copy for every service port of a big dump.
    private static string LaterForm(string ns, string service, string port, string written)
    {
        var text = written.AsSpan();
        var serviceAt = ns.Length + 1;
        var portAt = serviceAt + service.Length + 1;
        var same = text.Length == (port.Length == 0 ? serviceAt + service.Length : portAt + port.Length)
            && text.StartsWith(ns, StringComparison.Ordinal) && text[ns.Length] == '/'
            && text[serviceAt..].StartsWith(service, StringComparison.Ordinal)
            && (port.Length == 0 || (text[portAt - 1] == ':' && text.EndsWith(port, StringComparison.Ordinal)));
        return same ? written : port.Length == 0 ? ns + "/" + service : ns + "/" + service + ":" + port;
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
