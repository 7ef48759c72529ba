using System.Net;
using System.Net.Sockets;

namespace NetView.Core.Analysis.Tracing;

/// <summary>
/// One address or network as iptables writes it: <c>10.0.0.1</c>, <c>10.244.0.0/16</c>,
/// <c>10.0.0.0/255.0.0.0</c>, <c>fd00::/64</c>. A name (from <c>iptables -L</c> without <c>-n</c>)
/// does not parse: the caller cannot decide such a match and says so.
/// </summary>
internal sealed class AddressPattern
{
    private readonly byte[] _network;
    private readonly int _prefix;

    private AddressPattern(byte[] network, int prefix, AddressFamily family)
    {
        _network = network;
        _prefix = prefix;
        Family = family;
    }

    public AddressFamily Family { get; }

    public static bool TryParse(string text, out AddressPattern? pattern)
    {
        pattern = null;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? text : text[..slash];
        if (!IPAddress.TryParse(addressText, out var address))
        {
            return false;
        }

        var bytes = address.GetAddressBytes();
        var prefix = bytes.Length * 8;
        if (slash >= 0)
        {
            var maskText = text[(slash + 1)..];
            if (int.TryParse(maskText, out var length))
            {
                prefix = length;
            }
            else if (IPAddress.TryParse(maskText, out var mask) && mask.AddressFamily == address.AddressFamily)
            {
                prefix = PrefixOfMask(mask.GetAddressBytes());
            }
            else
            {
                return false;
            }

            if (prefix < 0 || prefix > bytes.Length * 8)
            {
                return false;
            }
        }

        pattern = new AddressPattern(Masked(bytes, prefix), prefix, address.AddressFamily);
        return true;
    }

    public bool Contains(IPAddress address)
    {
        if (address.AddressFamily != Family)
        {
            return false;
        }

        var masked = Masked(address.GetAddressBytes(), _prefix);
        return masked.AsSpan().SequenceEqual(_network);
    }

    private static byte[] Masked(byte[] bytes, int prefix)
    {
        var result = (byte[])bytes.Clone();
        for (var i = 0; i < result.Length; i++)
        {
            var bits = Math.Clamp(prefix - i * 8, 0, 8);
            result[i] &= (byte)(0xFF << (8 - bits));
        }

        return result;
    }

    // A non-contiguous mask is legal in iptables but never seen in kube-proxy rules: count its ones.
    private static int PrefixOfMask(byte[] mask) =>
        mask.Sum(b => System.Numerics.BitOperations.PopCount(b));
}
