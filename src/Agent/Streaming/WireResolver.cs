using MessagePack;
using MessagePack.Formatters;
using MessagePack.Resolvers;
using NetView.Core.Wire;

namespace NetView.Agent.Streaming;

/// <summary>
/// How the agent writes and reads its SignalR arguments: the wire frames by hand
/// (<c>WireFormatters.cs</c>), everything else (strings, numbers, byte arrays) with MessagePack's
/// built-in formatters. Nothing here emits code at run time, so it works in the NativeAOT agent.
/// </summary>
internal sealed class WireResolver : IFormatterResolver
{
    public static readonly WireResolver Instance = new();

    public static readonly MessagePackSerializerOptions Options = MessagePackSerializerOptions.Standard
        .WithResolver(Instance)
        .WithSecurity(MessagePackSecurity.UntrustedData);

    private WireResolver()
    {
    }

    public IMessagePackFormatter<T>? GetFormatter<T>() => Cache<T>.Formatter;

    private static class Cache<T>
    {
        public static readonly IMessagePackFormatter<T>? Formatter =
            (IMessagePackFormatter<T>?)Frame(typeof(T)) ?? BuiltinResolver.Instance.GetFormatter<T>();

        private static object? Frame(Type type) =>
            type == typeof(AgentHello) ? new AgentHelloFormatter()
            : type == typeof(AgentProblem) ? new AgentProblemFormatter()
            : type == typeof(CounterFrame) ? new CounterFrameFormatter()
            : type == typeof(RuleSetSnapshotChunk) ? new RuleSetSnapshotChunkFormatter()
            : type == typeof(SnapshotRequest) ? new SnapshotRequestFormatter()
            : type == typeof(KubeProxyFigures) ? KubeProxyFiguresFormatter.Instance
            : null;
    }
}
