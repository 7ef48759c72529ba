namespace NetView.Core.Wire;

/// <summary>
/// Method names on the agent hub (<see cref="Path"/>). Agent → server: <see cref="Hello"/>,
/// <see cref="SnapshotChunk"/>, <see cref="Counters"/>, <see cref="Problem"/>. Server → agent:
/// <see cref="RequestSnapshot"/>. The agent always says hello first on every (re)connection,
/// because the connection id changes and the server keys its state by connection.
/// </summary>
public static class HubMethods
{
    /// <summary>Where the hub is mapped, relative to the server's base address.</summary>
    public const string Path = "/hubs/agent";

    /// <summary><see cref="AgentHello"/>: who the node is and how it reads its rules.</summary>
    public const string Hello = "Hello";

    /// <summary><see cref="RuleSetSnapshotChunk"/>: one piece of a compressed rule set.</summary>
    public const string SnapshotChunk = "SnapshotChunk";

    /// <summary><see cref="CounterFrame"/>: the counters that moved since the previous frame.</summary>
    public const string Counters = "Counters";

    /// <summary><see cref="AgentProblem"/>: the agent cannot read its rules (permission, missing binary, timeout).</summary>
    public const string Problem = "Problem";

    /// <summary><see cref="SnapshotRequest"/>: the server does not know a hash and asks for the rule text.</summary>
    public const string RequestSnapshot = "RequestSnapshot";
}
