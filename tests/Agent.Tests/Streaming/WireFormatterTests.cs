using System.Buffers;
using MessagePack;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;
using NetView.Agent.Streaming;
using NetView.Core.Iptables;
using NetView.Core.Wire;

namespace NetView.Agent.Tests.Streaming;

/// <summary>
/// The agent's hand-written frame formatters (NativeAOT cannot run MessagePack's emitting resolver)
/// against the server's side, SignalR's MessagePack protocol with its default options: the same bytes
/// for every frame, and each side reads what the other writes.
/// </summary>
public sealed class WireFormatterTests
{
    private const string Hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static readonly MessagePackHubProtocol Server = new();
    private static readonly MessagePackHubProtocol Agent = new(Options.Create(new MessagePackHubProtocolOptions { SerializerOptions = WireResolver.Options }));

    private sealed class Binder(Type argument) : IInvocationBinder
    {
        public IReadOnlyList<Type> GetParameterTypes(string methodName) => [argument];
        public Type GetReturnType(string invocationId) => typeof(object);
        public Type GetStreamItemType(string streamId) => typeof(object);
    }

    public static TheoryData<string, object> Frames() => new()
    {
        { HubMethods.Hello, new AgentHello(WireVersion.Current, "node-a", "0.1.0", [IpFamily.IPv4, IpFamily.IPv6], "legacy", 1000, true, "both backends hold rules") },
        { HubMethods.Hello, new AgentHello(WireVersion.Current, "node-ü\"<b>", "0.1.0", [], "nf_tables", 250, false, null) },
        { HubMethods.Problem, new AgentProblem(WireVersion.Current, IpFamily.IPv6, "ip6tables-save: permission denied", 1_764_206_250_000) },
        { HubMethods.Problem, new AgentProblem(WireVersion.Current, null, "no iptables-save on PATH", 0) },
        { HubMethods.Counters, new CounterFrame(WireVersion.Current, IpFamily.IPv4, Hash, 86_400, 1_764_206_250_000, 100_000, 0, 100_000, false, [], 340, 1000, null) },
        { HubMethods.Counters, new CounterFrame(WireVersion.Current, IpFamily.IPv6, Hash, long.MaxValue, -1, 3, 1, 3, true, [2, 1, 60, 255], int.MaxValue, 1, Figures()) },
        { HubMethods.Counters, new CounterFrame(WireVersion.Current, IpFamily.IPv4, Hash, 1, 2, 3, 0, 3, true, [0], 0, 1000, new KubeProxyFigures()) },
        { HubMethods.SnapshotChunk, new RuleSetSnapshotChunk(WireVersion.Current, IpFamily.IPv4, Hash, "nf_tables", 5, 900, SnapshotEncoder.Brotli, 0, 1, new byte[SnapshotEncoder.DefaultChunkBytes]) },
        { HubMethods.SnapshotChunk, new RuleSetSnapshotChunk(WireVersion.Current, IpFamily.IPv6, Hash, "legacy", 0, 0, "none", 3, 4, [1, 2, 3]) },
        { HubMethods.RequestSnapshot, new SnapshotRequest(WireVersion.Current, IpFamily.IPv4, Hash, "unknown snapshot") },
        { HubMethods.RequestSnapshot, new SnapshotRequest(WireVersion.Current, IpFamily.IPv6, null, "every snapshot") },
    };

    private static KubeProxyFigures Figures() => new()
    {
        SyncDurationSecondsSum = 12.5,
        SyncDurationSecondsCount = 40,
        LastSyncTimestampSeconds = 1.764206250123e9,
        EndpointChangesPending = 0,
        NatRules = 1234,
        FilterRules = double.NaN,
        NetworkProgrammingSecondsCount = -0.0,
    };

    private static byte[] Write(MessagePackHubProtocol protocol, string method, object frame)
    {
        var writer = new ArrayBufferWriter<byte>();
        protocol.WriteMessage(new InvocationMessage(method, [frame]), writer);
        return writer.WrittenSpan.ToArray();
    }

    private static object Read(MessagePackHubProtocol protocol, byte[] bytes, Type type)
    {
        var sequence = new ReadOnlySequence<byte>(bytes);
        Assert.True(protocol.TryParseMessage(ref sequence, new Binder(type), out var message));
        Assert.False(message is InvocationBindingFailureMessage, (message as InvocationBindingFailureMessage)?.BindingFailure.SourceException.ToString());
        var invocation = Assert.IsType<InvocationMessage>(message);
        return invocation.Arguments[0]!;
    }

    [Theory]
    [MemberData(nameof(Frames))]
    public void Frame_AgentWritesTheServersBytes(string method, object frame)
    {
        Assert.Equal(Write(Server, method, frame), Write(Agent, method, frame));
    }

    [Theory]
    [MemberData(nameof(Frames))]
    public void Frame_EachSideReadsTheOther(string method, object frame)
    {
        var serverRead = Read(Server, Write(Agent, method, frame), frame.GetType());
        var agentRead = Read(Agent, Write(Server, method, frame), frame.GetType());

        // Records compare arrays by reference: the bytes each read object writes say it all.
        Assert.Equal(Write(Server, method, frame), Write(Server, method, serverRead));
        Assert.Equal(Write(Server, method, frame), Write(Server, method, agentRead));
    }

    [Fact]
    public void SnapshotRequest_FromNewerServer_ExtraFieldsSkipped()
    {
        // A newer server adds a field: an array one longer, with a nested value the agent does not know.
        var writer = new ArrayBufferWriter<byte>();
        var message = new MessagePackWriter(writer);
        message.WriteArrayHeader(5);
        message.Write(WireVersion.Current);
        message.Write((int)IpFamily.IPv6);
        message.Write(Hash);
        message.Write("unknown snapshot");
        message.WriteMapHeader(1);
        message.Write("since");
        message.Write(42);
        message.Flush();

        var request = MessagePackSerializer.Deserialize<SnapshotRequest>(writer.WrittenMemory, WireResolver.Options);

        Assert.Equal(new SnapshotRequest(WireVersion.Current, IpFamily.IPv6, Hash, "unknown snapshot"), request);
    }

    [Fact]
    public void SnapshotRequest_FromOlderServer_MissingFieldsDefault()
    {
        var writer = new ArrayBufferWriter<byte>();
        var message = new MessagePackWriter(writer);
        message.WriteArrayHeader(2);
        message.Write(WireVersion.Current);
        message.Write((int)IpFamily.IPv6);
        message.Flush();

        var request = MessagePackSerializer.Deserialize<SnapshotRequest>(writer.WrittenMemory, WireResolver.Options);

        Assert.Equal(new SnapshotRequest(WireVersion.Current, IpFamily.IPv6, null, ""), request);
    }

    [Fact]
    public void SnapshotRequest_NotAnArray_ClearError()
    {
        var bytes = MessagePackSerializer.Serialize("not a request", WireResolver.Options);

        var error = Assert.Throws<MessagePackSerializationException>(() => MessagePackSerializer.Deserialize<SnapshotRequest>(bytes, WireResolver.Options));

        Assert.Contains(nameof(SnapshotRequest), error.Message);
    }
}
