using NetView.Core.Wire;

namespace NetView.Web.Ingestion;

/// <summary>
/// One agent connection (a hub connection, or an in-process demo agent): the node it speaks
/// for once it said hello, and a token bucket that bounds its frame rate. Hands every frame to
/// the <see cref="Ingestor"/>. Not thread-safe: SignalR runs one hub invocation per connection
/// at a time by default, and a demo agent is one loop.
/// </summary>
public sealed class AgentSession
{
    private readonly Ingestor _ingestor;
    private readonly TimeProvider _time;
    private readonly double _ratePerSecond;
    private readonly double _burst;
    private double _tokens;
    private long _lastRefill;

    internal AgentSession(Ingestor ingestor, TimeProvider time, int maxFramesPerSecond)
    {
        _ingestor = ingestor;
        _time = time;
        _ratePerSecond = maxFramesPerSecond;
        // A snapshot arrives as a burst of chunks right after hello: allow a few seconds' worth.
        _burst = maxFramesPerSecond * 5.0;
        _tokens = _burst;
        _lastRefill = time.GetTimestamp();
    }

    /// <summary>The node this connection speaks for, after an accepted hello.</summary>
    public string? Node { get; private set; }

    public IngestResult Hello(AgentHello? hello)
    {
        if (Limit("hello") is { } limited)
        {
            return limited;
        }

        if (Node is not null && hello is not null && hello.Node != Node)
        {
            return _ingestor.Refuse(Node, "hello", $"hello: this connection already speaks for node {Node}, not {hello.Node}");
        }

        var result = _ingestor.Hello(hello);
        if (result.Outcome == IngestOutcome.Accepted && Node is not null)
        {
            // A repeated hello on the same connection: the connection was counted already.
            _ingestor.Disconnected(Node);
        }

        if (result.Outcome == IngestOutcome.Accepted)
        {
            Node = hello!.Node;
        }

        return result;
    }

    public IngestResult SnapshotChunk(RuleSetSnapshotChunk? chunk) =>
        Limit("snapshot") ?? (Node is null ? _ingestor.Refuse(null, "snapshot", "snapshot chunk before hello") : _ingestor.SnapshotChunk(Node, chunk));

    public IngestResult Counters(CounterFrame? frame) =>
        Limit("counters") ?? (Node is null ? _ingestor.Refuse(null, "counters", "counter frame before hello") : _ingestor.Counters(Node, frame));

    public IngestResult Problem(AgentProblem? problem) =>
        Limit("problem") ?? (Node is null ? _ingestor.Refuse(null, "problem", "problem frame before hello") : _ingestor.Problem(Node, problem));

    /// <summary>The connection closed.</summary>
    public void Closed()
    {
        if (Node is not null)
        {
            _ingestor.Disconnected(Node);
            Node = null;
        }
    }

    private IngestResult? Limit(string kind)
    {
        var now = _time.GetTimestamp();
        _tokens = Math.Min(_burst, _tokens + (_time.GetElapsedTime(_lastRefill, now).TotalSeconds * _ratePerSecond));
        _lastRefill = now;
        if (_tokens < 1)
        {
            return _ingestor.Refuse(Node, kind, $"{kind} frame: over {_ratePerSecond} frames per second (NetView:MaxFramesPerSecond)");
        }

        _tokens--;
        return null;
    }
}
