namespace NetView.Core.Analysis.Tracing;

/// <summary>The <c>trace --json</c> document (CONTRACTS.md), extended with rule texts, explanations and notes.</summary>
public sealed record TraceDocument(TraceDocument.PacketDocument Packet, IReadOnlyList<TraceDocument.OutcomeDocument> Outcomes, IReadOnlyList<string> Notes)
{
    public static TraceDocument From(TraceResult result)
    {
        var packet = result.Packet;
        return new TraceDocument(
            new PacketDocument(
                packet.Source.ToString(),
                packet.Destination.ToString(),
                packet.SourcePort,
                packet.DestinationPort,
                packet.Protocol,
                packet.Origin.ToString().ToLowerInvariant(),
                packet.NodeAddressList.Select(a => a.ToString()).ToArray()),
            result.Outcomes.Select(o => new OutcomeDocument(
                o.Probability,
                o.Verdict,
                o.Destination,
                o.Masquerade,
                o.Path,
                o.Rules.Select(r => r.Text).ToArray(),
                o.Explanations)).ToArray(),
            result.Notes);
    }

    /// <summary>The packet as given.</summary>
    public sealed record PacketDocument(string Src, string Dst, int? Sport, int Dport, string Proto, string From, IReadOnlyList<string> NodeIps);

    /// <summary>One outcome; <c>rules</c> holds the text of each rule named in <c>path</c>.</summary>
    public sealed record OutcomeDocument(
        double Probability,
        string Verdict,
        string? Destination,
        bool Masquerade,
        IReadOnlyList<string> Path,
        IReadOnlyList<string> Rules,
        IReadOnlyList<string> Explanations);
}
