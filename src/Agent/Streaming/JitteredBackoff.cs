namespace NetView.Agent.Streaming;

/// <summary>
/// Exponential backoff with "equal jitter": half the step is fixed, half random, so that a
/// whole DaemonSet reconnecting after a server restart spreads out instead of arriving at once.
/// </summary>
internal sealed class JitteredBackoff(TimeSpan first, TimeSpan cap, Random random)
{
    public TimeSpan Delay(long attempt)
    {
        var step = first.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30));
        var ceiling = Math.Min(step, cap.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((ceiling / 2) + (random.NextDouble() * ceiling / 2));
    }
}
