namespace NetView.Agent.Streaming;

/// <summary>One timestamped line per event on stderr (stdout is for command output). Repeats of the same message are folded.</summary>
internal sealed class AgentLog(TextWriter writer, TimeProvider time)
{
    private readonly Lock _lock = new();
    private string? _last;
    private int _repeats;

    /// <summary>Called after every line, for tests that wait for an event instead of sleeping.</summary>
    public Action<string>? Written { get; set; }

    public void Write(string message)
    {
        lock (_lock)
        {
            if (message == _last)
            {
                _repeats++;
                if (_repeats is not (10 or 100 or 1000) && _repeats % 10_000 != 0)
                {
                    Written?.Invoke(message);
                    return;
                }

                message += $" (repeated {_repeats} times)";
            }
            else
            {
                _last = message;
                _repeats = 0;
            }

            writer.WriteLine($"{time.GetUtcNow():yyyy-MM-ddTHH:mm:ss.fffZ} {message}");
            writer.Flush();
        }

        Written?.Invoke(message);
    }
}
