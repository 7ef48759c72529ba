using System.Net;

namespace NetView.Core.Analysis.Tracing;

/// <summary>
/// The first packet of a new connection to trace. Interfaces are names the rules may match with
/// <c>-i</c>/<c>-o</c>; left null, the tracer assumes <c>eth0</c> for the uplink and <c>cni0</c>
/// for pods and says so.
/// </summary>
/// <param name="Protocol">"tcp", "udp" or "sctp".</param>
/// <param name="NodeAddresses">The node's own addresses: with 127.0.0.0/8 and ::1 they are LOCAL for <c>addrtype</c> and routing.</param>
public sealed record TracePacket(
    IPAddress Source,
    IPAddress Destination,
    int DestinationPort,
    int? SourcePort = null,
    string Protocol = "tcp",
    PacketOrigin Origin = PacketOrigin.External,
    IReadOnlyList<IPAddress>? NodeAddresses = null,
    string? InInterface = null,
    string? OutInterface = null)
{
    /// <summary>The ephemeral port assumed when none is given; only <c>--sport</c> matches see it.</summary>
    public const int DefaultSourcePort = 40000;

    public IReadOnlyList<IPAddress> NodeAddressList => NodeAddresses ?? [];
}
