using System.Net;
using System.Net.Sockets;
using NetView.Core.Iptables;

namespace NetView.Core.KubeProxy.Simulation;

/// <summary>Addresses the way iptables-save and kube-proxy print them.</summary>
internal static class IpText
{
    public static IPAddress Parse(string address, string field) =>
        IPAddress.TryParse(address, out var ip)
            ? ip
            : throw new ArgumentException($"{field}: '{address}' is not an IP address.");

    public static IpFamily FamilyOf(IPAddress ip) =>
        ip.AddressFamily == AddressFamily.InterNetworkV6 ? IpFamily.IPv6 : IpFamily.IPv4;

    /// <summary>A single address as a match: <c>10.0.0.1/32</c>, <c>fd00::1/128</c>.</summary>
    public static string Host(string address, string field)
    {
        var ip = Parse(address, field);
        return $"{ip}/{(ip.AddressFamily == AddressFamily.InterNetworkV6 ? 128 : 32)}";
    }

    /// <summary>A CIDR as iptables prints it back: the network address (host bits cleared) and the prefix.</summary>
    public static string Cidr(string cidr, string field) => $"{Network(cidr, field, out var prefix)}/{prefix}";

    /// <summary>"ip:port", IPv6 as "[ip]:port" (Go's net.JoinHostPort, used for endpoint names and DNAT).</summary>
    public static string Endpoint(string address, int port, string field)
    {
        var ip = Parse(address, field);
        return ip.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{ip}]:{port}" : $"{ip}:{port}";
    }

    public static bool Contains(string cidr, string address, string field)
    {
        var network = Network(cidr, field, out var prefix);
        var ip = Parse(address, field);
        return ip.AddressFamily == network.AddressFamily && Mask(ip, prefix).Equals(network);
    }

    public static IPAddress Network(string cidr, string field, out int prefix)
    {
        var slash = cidr.IndexOf('/');
        if (slash < 0 || !int.TryParse(cidr.AsSpan(slash + 1), out prefix))
        {
            throw new ArgumentException($"{field}: '{cidr}' is not a CIDR (address/prefix).");
        }

        var ip = Parse(cidr[..slash], field);
        var bits = ip.AddressFamily == AddressFamily.InterNetworkV6 ? 128 : 32;
        if (prefix < 0 || prefix > bits)
        {
            throw new ArgumentException($"{field}: prefix /{prefix} of '{cidr}' is out of range.");
        }

        return Mask(ip, prefix);
    }

    private static IPAddress Mask(IPAddress ip, int prefix)
    {
        var bytes = ip.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(prefix - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }

        return new IPAddress(bytes);
    }
}
