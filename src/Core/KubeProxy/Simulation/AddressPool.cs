using System.Net;
using System.Numerics;

namespace NetView.Core.KubeProxy.Simulation;

/// <summary>Addresses handed out in order from a CIDR, for generated clusters.</summary>
internal sealed class AddressPool
{
    private readonly BigInteger _network;
    private readonly int _length;
    private long _next;

    public AddressPool(string cidr, long firstOffset = 1)
    {
        var network = IpText.Network(cidr, "cidr", out var prefix);
        var bytes = network.GetAddressBytes();
        _length = bytes.Length;
        _network = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        Size = BigInteger.Pow(2, (bytes.Length * 8) - prefix);
        Cidr = cidr;
        _next = firstOffset;
    }

    public string Cidr { get; }
    public BigInteger Size { get; }

    public string Next() => At(_next++);

    public string At(long offset)
    {
        // Keep away from the network and broadcast addresses.
        if (offset < 1 || offset >= Size - 1)
        {
            throw new ArgumentException($"{Cidr} has no room for address number {offset}; give a larger CIDR.");
        }

        var value = (_network + offset).ToByteArray(isUnsigned: true, isBigEndian: true);
        var bytes = new byte[_length];
        value.CopyTo(bytes, _length - value.Length);
        return new IPAddress(bytes).ToString();
    }
}
