using System.Reflection;
using NetView.Agent.Collect;
using NetView.Agent.Metrics;
using NetView.Core.Iptables;
using NetView.Core.Wire;

namespace NetView.Agent.Streaming;

/// <summary>
/// The node agent: every effective interval it reads both families' rules, turns them into
/// snapshots and counter frames, queues the frames and sends what it can. Reading never
/// depends on the server being there; sending never blocks reading for longer than one flush.
/// Reading failures (no permission, no iptables) are reported and retried with backoff.
/// </summary>
internal sealed class AgentService(AgentOptions options, ICommandRunner runner, TimeProvider time, AgentLog log, HttpClient http, Random random)
{
    private static readonly IpFamily[] Families = [IpFamily.IPv4, IpFamily.IPv6];
    private static readonly TimeSpan DetectTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Redetect = TimeSpan.FromMinutes(10);

    private readonly Dictionary<IpFamily, FamilyStream> _streams = Families.ToDictionary(family => family, family => new FamilyStream(family));
    private readonly RuleReader _reader = new(runner);
    private readonly IntervalGovernor _governor = new(options.Interval);
    private readonly JitteredBackoff _collectBackoff = new(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(5), random);
    private readonly KubeProxyMetricsReader _metrics = new(http, KubeProxyMetricsReader.DefaultEndpoint, time);
    private readonly List<CounterFrame> _frames = [];
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HubLink? _link;
    private BackendChoice? _backend;
    private DateTimeOffset _detectedAt;
    private bool _triedOnce;
    private AgentProblem? _problem;
    private bool _problemSent;

    public static string Version { get; } =
        typeof(AgentService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public CounterBacklog Backlog { get; } = new();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var link = new HubLink(options.Server, options.Token, time, random, log, Wake);
        _link = link;
        var connecting = link.KeepConnectedAsync(cancellationToken);
        log.Write($"netview-agent {Version} on node {options.Node}: streaming to {options.Server} every {options.Interval.TotalSeconds:0.###} s");
        var failures = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var started = time.GetTimestamp();
                TimeSpan wait;
                try
                {
                    await TickAsync(cancellationToken);
                    failures = 0;
                    wait = _governor.Effective;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Whatever went wrong (no permission, no iptables, odd output), retry later rather than exit into a crash loop.
                    _backend = null;
                    wait = _collectBackoff.Delay(failures++);
                    Report(e.Message);
                    log.Write($"cannot read the rules: {e.Message}; retrying in {wait.TotalSeconds:0} s");
                }

                _triedOnce = true;
                await WaitAndFlushAsync(link, started, wait, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            log.Write($"stopping; {Backlog.Count} frames unsent");
        }

        await connecting;
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        if (_backend is null || time.GetUtcNow() - _detectedAt > Redetect)
        {
            var previous = _backend;
            _backend = await new BackendDetector(runner, DetectTimeout).DetectAsync(cancellationToken);
            _detectedAt = time.GetUtcNow();
            if (previous is null || previous.Backend != _backend.Backend || previous.Warning != _backend.Warning)
            {
                _link?.SayHelloAgain();
                log.Write($"reading the {_backend.Backend} backend{(_backend.Warning is null ? "" : ": " + _backend.Warning)}");
            }
        }

        var started = time.GetTimestamp();
        foreach (var family in Families)
        {
            await _reader.ReadAsync(_backend.Binaries, family, _streams[family].Scanner, _governor.Timeout, cancellationToken);
        }

        var read = time.GetElapsedTime(started);
        _governor.Record(read);
        var figures = await _metrics.ReadChangedAsync(cancellationToken);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var family in Families)
        {
            _frames.Clear();
            var snapshot = _streams[family].Complete(_backend.Backend, now, (int)read.TotalMilliseconds,
                (int)_governor.Effective.TotalMilliseconds, family == IpFamily.IPv4 ? figures : null, _frames);
            if (snapshot is not null)
            {
                Backlog.AddSnapshot(snapshot);
                log.Write($"{family} rules: {snapshot.RuleCount} rules, {snapshot.TextLength} bytes, {snapshot.Compressed.Length} compressed, hash {snapshot.Hash[..12]}");
            }

            foreach (var frame in _frames)
            {
                Backlog.Enqueue(frame);
            }
        }

        if (_problem is not null)
        {
            log.Write("reading the rules again");
            _problem = null;
        }
    }

    private async Task WaitAndFlushAsync(HubLink link, long started, TimeSpan wait, CancellationToken cancellationToken)
    {
        while (true)
        {
            var woken = _wake.Task;
            await FlushAsync(link, cancellationToken);
            var remaining = wait - time.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                return;
            }

            var delay = Task.Delay(remaining, time, cancellationToken);
            if (await Task.WhenAny(woken, delay) == delay)
            {
                await delay;
                return;
            }
        }
    }

    private async Task FlushAsync(HubLink link, CancellationToken cancellationToken)
    {
        // The hello names the backend, so it waits for the first attempt to read the rules.
        if (!link.IsConnected || !_triedOnce)
        {
            return;
        }

        try
        {
            if (link.TakeHelloNeeded())
            {
                Refused("hello", await link.DeliverAsync(HubMethods.Hello, Hello(), cancellationToken));
                _problemSent = false;
                foreach (var stream in _streams.Values)
                {
                    stream.RequestKeyframe();
                }
            }

            if (_problem is not null && !_problemSent)
            {
                Refused("problem report", await link.DeliverAsync(HubMethods.Problem, _problem, cancellationToken));
                _problemSent = true;
            }

            while (link.TryTakeRequest(out var request))
            {
                var stream = _streams.GetValueOrDefault(request.Family);
                var snapshot = (request.Hash is null ? null : Backlog.Snapshot(request.Hash)) ?? stream?.Snapshot;
                log.Write($"server asked for the {request.Family} snapshot ({request.Reason})");
                if (snapshot is not null)
                {
                    await DeliverSnapshotAsync(link, snapshot, cancellationToken);
                    _streams[snapshot.Family].RequestKeyframe();
                }
            }

            while (Backlog.TryPeek(out var frame))
            {
                if (!link.SentHashes.Contains(frame.SnapshotHash))
                {
                    var snapshot = Backlog.Snapshot(frame.SnapshotHash);
                    if (snapshot is null)
                    {
                        Backlog.Drop();
                        continue;
                    }

                    await DeliverSnapshotAsync(link, snapshot, cancellationToken);
                }

                Refused($"{frame.Family} counter frame #{frame.Sequence}", await link.DeliverAsync(HubMethods.Counters, frame, cancellationToken));
                Backlog.Dequeue();
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            log.Write($"sending to {link.Server} failed ({e.Message}); {Backlog.Count} frames kept");
        }
    }

    private async Task DeliverSnapshotAsync(HubLink link, RuleSetSnapshot snapshot, CancellationToken cancellationToken)
    {
        foreach (var chunk in snapshot.ToChunks())
        {
            Refused($"{snapshot.Family} snapshot chunk {chunk.Index + 1}/{chunk.Count}", await link.DeliverAsync(HubMethods.SnapshotChunk, chunk, cancellationToken));
        }

        link.SentHashes.Add(snapshot.Hash);
    }

    /// <summary>A refused frame is not sent again: the server said why, and the same frame would get the same answer.</summary>
    private void Refused(string what, string? reason)
    {
        if (reason is not null)
        {
            log.Write($"server refused the {what}: {reason}");
        }
    }

    private AgentHello Hello() => new(
        WireVersion.Current, options.Node, Version, Families, _backend?.Backend ?? "unknown",
        (int)options.Interval.TotalMilliseconds, _backend?.MixedBackends ?? false, _backend?.Warning);

    private void Report(string message)
    {
        if (_problem?.Message != message)
        {
            _problem = new AgentProblem(WireVersion.Current, null, message, time.GetUtcNow().ToUnixTimeMilliseconds());
            _problemSent = false;
        }
    }

    private void Wake() => Interlocked.Exchange(ref _wake, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
