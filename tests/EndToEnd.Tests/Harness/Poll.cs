using System.Diagnostics;

namespace NetView.EndToEnd.Tests.Harness;

/// <summary>
/// Waits for a condition by asking again until a deadline, instead of sleeping a fixed time: fast
/// when the system is fast, and a failure names what was still wrong when the deadline passed.
/// </summary>
public static class Poll
{
    public static readonly TimeSpan Every = TimeSpan.FromMilliseconds(200);

    /// <summary>Calls <paramref name="check"/> until it returns null (done) or <paramref name="within"/> passes; throws with the last reason.</summary>
    public static async Task UntilAsync(TimeSpan within, Func<Task<string?>> check, Func<string>? context = null)
    {
        var clock = Stopwatch.StartNew();
        string? reason;
        do
        {
            reason = await check();
            if (reason is null)
            {
                return;
            }

            await Task.Delay(Every);
        }
        while (clock.Elapsed < within);

        throw new TimeoutException($"Still not true after {within.TotalSeconds:0.#} s: {reason}{(context is null ? "" : "\n" + context())}");
    }
}
