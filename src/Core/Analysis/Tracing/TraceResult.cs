namespace NetView.Core.Analysis.Tracing;

/// <summary>
/// Where a packet goes: its outcomes, most likely first, with probabilities summing to 1, and
/// notes about the whole trace (assumptions made, bounds reached).
/// </summary>
public sealed record TraceResult(TracePacket Packet, IReadOnlyList<TraceOutcome> Outcomes, IReadOnlyList<string> Notes)
{
    /// <summary>Probability that the packet reaches this "ip:port" (summed over outcomes).</summary>
    public double ProbabilityOf(string destination) =>
        Outcomes.Where(o => o.Destination == destination).Sum(o => o.Probability);
}
