using Microsoft.Extensions.Options;
using NetView.Core.Iptables;
using NetView.Core.Wire;
using NetView.Web.Hosting;

namespace NetView.Web.Ingestion;

/// <summary>
/// The write side of the live path: the entry points the agent hub and the dashboard's
/// in-process demo agents call with frames (<see cref="Hello"/>, <see cref="SnapshotChunk"/>,
/// <see cref="Counters"/>, <see cref="Problem"/>, <see cref="Disconnected"/>). Every frame is
/// checked completely before it changes anything, so a bad frame yields a reason and leaves the
/// node's state as it was. Thread-safe; one node's frames are applied one at a time.
/// </summary>
internal sealed partial class Ingestor(
    ClusterState state,
    RuleSetCatalog catalog,
    IngestionMetrics metrics,
    IOptions<LivePathOptions> options,
    ILogger<Ingestor> logger)
{
    private const int MaxNodeNameLength = 253;
    private const int MaxShortText = 64;
    private const int MaxMessageLength = 2000;

    private readonly LivePathOptions _options = options.Value;

    public ClusterState State => state;

    /// <summary>Registers an agent connection for the node its hello names.</summary>
    public IngestResult Hello(AgentHello? hello)
    {
        var problem = CheckHello(hello);
        if (problem is not null)
        {
            return NotApplied(null, "hello", IngestResult.Rejected(problem));
        }

        var now = state.Time.GetUtcNow();
        if (!state.NodeStates.ContainsKey(hello!.Node) && state.NodeStates.Count >= _options.MaxNodes)
        {
            return NotApplied(null, "hello", IngestResult.Rejected($"hello: the server already holds {_options.MaxNodes} nodes (NetView:MaxNodes)"));
        }

        var node = state.NodeStates.GetOrAdd(hello.Node, name => new NodeState(name, now));
        lock (node.Gate)
        {
            node.Connections++;
            node.Hello = hello;
            node.AgentVersion = hello.AgentVersion;
            node.Backend = hello.Backend;
            node.Interval = TimeSpan.FromMilliseconds(hello.IntervalMilliseconds);
            node.LastSeen = now;
            node.Problem = null;
            node.Dirty = true;
        }

        metrics.Accepted("hello");
        state.Publish(new ClusterChange(ClusterChangeKind.NodeConnected, hello.Node, null, now));
        return IngestResult.Accepted;
    }

    /// <summary>One agent connection of the node closed.</summary>
    public void Disconnected(string node)
    {
        if (!state.NodeStates.TryGetValue(node, out var nodeState))
        {
            return;
        }

        bool last;
        lock (nodeState.Gate)
        {
            nodeState.Connections = Math.Max(0, nodeState.Connections - 1);
            last = nodeState.Connections == 0;
            nodeState.Dirty = true;
        }

        if (last)
        {
            state.Publish(new ClusterChange(ClusterChangeKind.NodeDisconnected, node, null, state.Time.GetUtcNow()));
        }
    }

    /// <summary>The agent cannot read its rules; shown on the node until the next hello or counter frame.</summary>
    public IngestResult Problem(string node, AgentProblem? problem)
    {
        if (problem is null || problem.Version != WireVersion.Current || problem.Message is null || problem.Message.Length > MaxMessageLength
            || (problem.Family is { } family && !Enum.IsDefined(family)))
        {
            return NotApplied(node, "problem", IngestResult.Rejected("problem frame: missing, of another version, or with a message over 2000 characters"));
        }

        if (!state.NodeStates.TryGetValue(node, out var nodeState))
        {
            return NotApplied(node, "problem", IngestResult.Rejected("problem frame before hello"));
        }

        lock (nodeState.Gate)
        {
            nodeState.Problem = problem.Message;
            nodeState.LastSeen = state.Time.GetUtcNow();
            nodeState.Dirty = true;
        }

        metrics.Accepted("problem");
        state.Publish(new ClusterChange(ClusterChangeKind.NodeUpdated, node, problem.Family, state.Time.GetUtcNow()));
        return IngestResult.Accepted;
    }

    /// <summary>Refuses a frame the session could not even hand over (rate, no hello), counted and logged like the others.</summary>
    public IngestResult Refuse(string? node, string kind, string reason) => NotApplied(node, kind, IngestResult.Rejected(reason));

    /// <summary>A session for one agent connection (hub connection or in-process demo agent).</summary>
    public AgentSession OpenSession() => new(this, state.Time, _options.MaxFramesPerSecond);

    private IngestResult NotApplied(string? node, string kind, IngestResult result)
    {
        metrics.NotApplied(kind, result.Outcome);
        if (result.Outcome == IngestOutcome.Rejected)
        {
            LogRejected(logger, node ?? "(no hello yet)", kind, result.Reason);
            if (node is not null && state.NodeStates.TryGetValue(node, out var nodeState))
            {
                lock (nodeState.Gate)
                {
                    nodeState.Rejections++;
                    nodeState.LastRejection = result.Reason;
                }
            }
        }

        return result;
    }

    private static string? CheckHello(AgentHello? hello)
    {
        if (hello is null)
        {
            return "hello frame is missing";
        }

        if (hello.Version != WireVersion.Current)
        {
            return $"hello: version {hello.Version} is not supported (expected {WireVersion.Current})";
        }

        if (string.IsNullOrWhiteSpace(hello.Node) || hello.Node.Length > MaxNodeNameLength || hello.Node.Any(char.IsControl))
        {
            return "hello: node must be 1 to 253 characters without control characters";
        }

        if (hello.AgentVersion is null || hello.AgentVersion.Length > MaxShortText || hello.Backend is null || hello.Backend.Length > MaxShortText)
        {
            return "hello: agentVersion and backend must be given, 64 characters at most";
        }

        if (hello.Families is null || hello.Families.Count is < 1 or > 2 || hello.Families.Any(f => !Enum.IsDefined(f)))
        {
            return "hello: families must name IPv4, IPv6 or both";
        }

        if (hello.IntervalMilliseconds <= 0 || (hello.Warning?.Length ?? 0) > MaxMessageLength)
        {
            return "hello: intervalMilliseconds must be positive and the warning at most 2000 characters";
        }

        return null;
    }

    private SnapshotAssembler NewAssembler() =>
        new((int)Math.Min(_options.MaxSnapshotBytes, int.MaxValue), (int)Math.Min(_options.MaximumReceiveMessageSize, int.MaxValue));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a {Kind} frame from {Node}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string node, string kind, string? reason);
}
