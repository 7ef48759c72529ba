namespace NetView.Web.ViewModels;

/// <summary>
/// Coalesces bursts of change notifications into at most one callback per interval, so that a
/// page fed by counter frames from many nodes renders a few times per second, not once per frame.
/// The first signal after a quiet period runs at once; signals during the interval are folded into
/// one trailing run at its end, so the last change is never lost.
/// </summary>
public sealed class CallbackThrottler : IDisposable
{
    private readonly Func<Task> _callback;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private ITimer? _timer;
    private DateTimeOffset _lastRun = DateTimeOffset.MinValue;
    private bool _scheduled;
    private bool _running;
    private bool _pendingWhileRunning;
    private bool _disposed;

    public CallbackThrottler(Func<Task> callback, TimeSpan interval, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        _callback = callback;
        _interval = interval;
        _time = time;
    }

    /// <summary>How many times the callback has run; for diagnostics and tests.</summary>
    public int Runs { get; private set; }

    /// <summary>Asks for one callback run; never blocks and never runs the callback twice in an interval.</summary>
    public void Signal()
    {
        bool runNow;
        lock (_gate)
        {
            if (_disposed || _scheduled)
            {
                return;
            }

            if (_running)
            {
                _pendingWhileRunning = true;
                return;
            }

            var wait = _lastRun + _interval - _time.GetUtcNow();
            runNow = wait <= TimeSpan.Zero;
            _scheduled = true;
            if (!runNow)
            {
                _timer?.Dispose();
                _timer = _time.CreateTimer(_ => _ = RunAsync(), null, wait, Timeout.InfiniteTimeSpan);
            }
        }

        if (runNow)
        {
            _ = RunAsync();
        }
    }

    private async Task RunAsync()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _scheduled = false;
            _running = true;
            _lastRun = _time.GetUtcNow();
            Runs++;
        }

        try
        {
            await _callback();
        }
        finally
        {
            bool again;
            lock (_gate)
            {
                _running = false;
                again = _pendingWhileRunning;
                _pendingWhileRunning = false;
            }

            if (again)
            {
                Signal();
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _timer?.Dispose();
            _timer = null;
        }
    }
}
