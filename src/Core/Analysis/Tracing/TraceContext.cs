using System.Net;

namespace NetView.Core.Analysis.Tracing;

/// <summary>What a trace knows beyond the packet: the node's addresses and, on the second pass, where first connections go.</summary>
internal sealed class TraceContext
{
    private static readonly AddressPattern Loopback4 = Parse("127.0.0.0/8");
    private static readonly AddressPattern Loopback6 = Parse("::1/128");

    public TraceContext(TracePacket packet)
    {
        Packet = packet;
        NodeAddresses = packet.NodeAddressList;
    }

    public TracePacket Packet { get; }

    public IReadOnlyList<IPAddress> NodeAddresses { get; }

    /// <summary>
    /// On the second pass: for each recent list (KUBE-SEP-…), the probability that a client's first
    /// connection adds it, i.e. that the client is stuck to that endpoint. Null on the first pass.
    /// </summary>
    public IReadOnlyDictionary<string, double>? AffinityShares { get; set; }

    /// <summary>Set when the first pass met a <c>recent --rcheck</c> it had to assume away.</summary>
    public bool SawAffinity { get; set; }

    /// <summary>LOCAL in <c>addrtype</c>'s and routing's sense: the node's addresses and loopback.</summary>
    public bool IsLocal(IPAddress address) =>
        Loopback4.Contains(address) || Loopback6.Contains(address) || NodeAddresses.Contains(address);

    private static AddressPattern Parse(string text)
    {
        AddressPattern.TryParse(text, out var pattern);
        return pattern!;
    }
}
