using NetView.Core.Iptables;

namespace NetView.Core.Analysis.Tracing;

/// <summary>
/// One way the traced packet can end, with its probability: the verdict, where it is delivered,
/// whether its source is rewritten on the way out, every rule that matched in order, and why.
/// </summary>
/// <param name="Verdict">"DNAT", "ACCEPT", "DROP", "REJECT", "RETURN-TO-POLICY" (delivered by chain policies alone), "QUEUE", or "INCOMPLETE" (a trace bound was reached).</param>
/// <param name="Destination">"ip:port" the packet is delivered to (after DNAT); null when it is dropped or rejected.</param>
/// <param name="Masquerade">True when MASQUERADE or SNAT rewrote the source in POSTROUTING (the client's address is lost).</param>
/// <param name="Rules">Every rule that matched, in order; <see cref="Path"/> names them.</param>
public sealed record TraceOutcome(
    double Probability,
    string Verdict,
    string? Destination,
    bool Masquerade,
    IReadOnlyList<Rule> Rules,
    IReadOnlyList<string> Explanations)
{
    /// <summary><c>table/CHAIN#n</c> of every matched rule.</summary>
    public IReadOnlyList<string> Path => Rules.Select(r => r.Reference).ToArray();
}
