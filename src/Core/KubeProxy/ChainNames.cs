using System.Text;

namespace NetView.Core.KubeProxy;

/// <summary>
/// kube-proxy's chain names (pkg/proxy/iptables/proxier.go). A chain name is a fixed prefix plus
/// the first 16 characters of base32(sha256(...)), because iptables limits chain names to 28
/// characters and service names are longer than that.
/// </summary>
/// <remarks>
/// The service port name is what kube-proxy's <c>ServicePortName.String()</c> gives: "ns/svc:port",
/// or "ns/svc" when the port has no name. kube-proxy before about 1.17 wrote "ns/svc:" with a
/// trailing colon for an unnamed port, so chains of that era hash that string instead.
/// </remarks>
public static class ChainNames
{
    /// <summary>The service chain: every endpoint of a service port (cluster traffic).</summary>
    public const string Svc = "KUBE-SVC-";

    /// <summary>The local service chain: only the node's own endpoints (traffic policy Local), since 1.24.</summary>
    public const string Svl = "KUBE-SVL-";

    /// <summary>The external chain: traffic to node ports, external IPs and load-balancer IPs, since 1.24.</summary>
    public const string Ext = "KUBE-EXT-";

    /// <summary>The load-balancer firewall chain (loadBalancerSourceRanges).</summary>
    public const string Fw = "KUBE-FW-";

    /// <summary>One endpoint: masquerade hairpin traffic, then DNAT.</summary>
    public const string Sep = "KUBE-SEP-";

    /// <summary>The local-endpoints chain of kube-proxy before 1.24, replaced by KUBE-EXT/KUBE-SVL.</summary>
    public const string Xlb = "KUBE-XLB-";

    /// <summary>The hash part of a service port's chains: first 16 of base32(sha256(name + protocol)).</summary>
    /// <param name="servicePortName">"ns/svc:port" (or "ns/svc" for an unnamed port).</param>
    /// <param name="protocol">"tcp", "udp" or "sctp"; lower-cased here as kube-proxy does.</param>
    public static string ServicePortHash(string servicePortName, string protocol) =>
        Hash(servicePortName + protocol.ToLowerInvariant());

    /// <summary>The hash part of an endpoint chain: first 16 of base32(sha256(name + protocol + "ip:port")).</summary>
    /// <param name="endpoint">"ip:port", IPv6 as "[addr]:port" the way Go's net.JoinHostPort writes it.</param>
    public static string EndpointHash(string servicePortName, string protocol, string endpoint) =>
        Hash(servicePortName + protocol.ToLowerInvariant() + endpoint);

    public static string ServiceChain(string servicePortName, string protocol) => Svc + ServicePortHash(servicePortName, protocol);

    public static string LocalServiceChain(string servicePortName, string protocol) => Svl + ServicePortHash(servicePortName, protocol);

    public static string ExternalChain(string servicePortName, string protocol) => Ext + ServicePortHash(servicePortName, protocol);

    public static string FirewallChain(string servicePortName, string protocol) => Fw + ServicePortHash(servicePortName, protocol);

    public static string EndpointChain(string servicePortName, string protocol, string endpoint) =>
        Sep + EndpointHash(servicePortName, protocol, endpoint);

    /// <summary>
    /// True when <paramref name="hash"/> is <see cref="ServicePortHash"/> of these; without building
    /// strings, for confirming the chains of every service port of a large cluster.
    /// </summary>
    internal static bool IsServicePortHash(ReadOnlySpan<char> hash, string servicePortName, string protocol) =>
        IsHash(hash, servicePortName, protocol, "");

    /// <summary>
    /// True when <paramref name="hash"/> is <see cref="EndpointHash"/> of these; without building
    /// strings, for confirming every endpoint chain of a large cluster.
    /// </summary>
    internal static bool IsEndpointHash(ReadOnlySpan<char> hash, string servicePortName, string protocol, string endpoint) =>
        IsHash(hash, servicePortName, protocol, endpoint);

    private static bool IsHash(ReadOnlySpan<char> hash, string servicePortName, string protocol, string endpoint)
    {
        const int MaxStackInput = 512;
        var lowerProtocol = protocol.ToLowerInvariant();
        var maxBytes = Encoding.UTF8.GetMaxByteCount(servicePortName.Length + lowerProtocol.Length + endpoint.Length);
        if (maxBytes > MaxStackInput)
        {
            return hash.SequenceEqual(Hash(servicePortName + lowerProtocol + endpoint));
        }

        Span<byte> input = stackalloc byte[maxBytes];
        var length = Encoding.UTF8.GetBytes(servicePortName, input);
        length += Encoding.UTF8.GetBytes(lowerProtocol, input[length..]);
        length += Encoding.UTF8.GetBytes(endpoint, input[length..]);
        Span<byte> digest = stackalloc byte[Sha256.HashSizeInBytes];
        Sha256.HashData(input[..length], digest);
        Span<char> chars = stackalloc char[HashLength];
        Base32Prefix(digest, chars);
        return hash.SequenceEqual(chars);
    }

    /// <summary>Characters of base32(sha256) kube-proxy keeps.</summary>
    private const int HashLength = 16;

    private static string Hash(string input)
    {
        Span<byte> digest = stackalloc byte[Sha256.HashSizeInBytes];
        Sha256.HashData(Encoding.UTF8.GetBytes(input), digest);
        Span<char> chars = stackalloc char[HashLength];
        Base32Prefix(digest, chars);
        return new string(chars);
    }

    // RFC 4648 standard alphabet, as Go's base32.StdEncoding; 16 characters take the first 10 bytes,
    // so padding never comes into it.
    private static void Base32Prefix(ReadOnlySpan<byte> bytes, Span<char> chars)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var length = chars.Length;
        var buffer = 0;
        var bits = 0;
        var index = 0;
        var written = 0;
        while (written < length)
        {
            if (bits < 5)
            {
                buffer = (buffer << 8) | bytes[index++];
                bits += 8;
            }

            bits -= 5;
            chars[written++] = alphabet[(buffer >> bits) & 0x1F];
        }
    }
}
