namespace NetView.Core.Analysis.Tracing;

/// <summary>The verdicts a trace outcome can carry (CONTRACTS.md <c>trace --json</c>, extended).</summary>
public static class Verdicts
{
    public const string Dnat = "DNAT";
    public const string Accept = "ACCEPT";
    public const string Drop = "DROP";
    public const string Reject = "REJECT";

    /// <summary>Delivered, but no rule decided: only chain policies (ACCEPT) let it through.</summary>
    public const string ReturnToPolicy = "RETURN-TO-POLICY";

    /// <summary>Handed to a userspace program (QUEUE/NFQUEUE), which decides.</summary>
    public const string Queue = "QUEUE";

    /// <summary>A trace bound (loop, depth, steps) stopped this branch.</summary>
    public const string Incomplete = "INCOMPLETE";

    /// <summary>Internal: walked every hook; the outcome's verdict is decided from what happened on the way.</summary>
    internal const string Delivered = "";
}
