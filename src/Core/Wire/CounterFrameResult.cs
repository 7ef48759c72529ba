namespace NetView.Core.Wire;

/// <summary>The outcome of <see cref="CounterFrameDecoder.Apply"/>: accepted, or rejected with a reason and nothing changed.</summary>
public readonly record struct CounterFrameResult(bool Accepted, int ChangedRules, string? Reason)
{
    public static CounterFrameResult Rejected(string reason) => new(false, 0, reason);
}
