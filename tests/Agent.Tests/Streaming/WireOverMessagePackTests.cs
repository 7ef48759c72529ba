using System.Buffers;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using NetView.Core.Iptables;
using NetView.Core.Wire;

namespace NetView.Agent.Tests.Streaming;

/// <summary>The frames as SignalR's MessagePack protocol with its default options writes and reads them.</summary>
public sealed class WireOverMessagePackTests
{
    private const string Hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private sealed class Binder(Type argument) : IInvocationBinder
    {
        public IReadOnlyList<Type> GetParameterTypes(string methodName) => [argument];
        public Type GetReturnType(string invocationId) => typeof(object);
        public Type GetStreamItemType(string streamId) => typeof(object);
    }

    internal static byte[] Serialize(string method, object frame)
    {
        var writer = new ArrayBufferWriter<byte>();
        new MessagePackHubProtocol().WriteMessage(new InvocationMessage(method, [frame]), writer);
        return writer.WrittenSpan.ToArray();
    }

    private static T RoundTrip<T>(string method, T frame)
    {
        var bytes = new ReadOnlySequence<byte>(Serialize(method, frame!));
        Assert.True(new MessagePackHubProtocol().TryParseMessage(ref bytes, new Binder(typeof(T)), out var message));
        var invocation = Assert.IsType<InvocationMessage>(message);
        Assert.Equal(method, invocation.Target);
        return Assert.IsType<T>(invocation.Arguments[0]);
    }

    [Fact]
    public void CounterFrame_IdleTick_SmallAndWithoutPropertyNames()
    {
        var frame = new CounterFrame(WireVersion.Current, IpFamily.IPv4, Hash, 86_400, 1_764_206_250_000, 100_000, 0, 100_000, false, [], 340, 1000, null);

        var bytes = Serialize(HubMethods.Counters, frame);

        Assert.True(bytes.Length <= 200, $"{bytes.Length} bytes");
        Assert.DoesNotContain("SnapshotHash", System.Text.Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void CounterFrame_RoundTrip_FieldsKept()
    {
        var figures = new KubeProxyFigures { SyncDurationSecondsSum = 12.5, SyncDurationSecondsCount = 40, NatRules = 1234 };
        var frame = new CounterFrame(WireVersion.Current, IpFamily.IPv6, Hash, 7, 1_764_206_250_000, 3, 0, 3, true, [2, 1, 60], 12, 1000, figures);

        var back = RoundTrip(HubMethods.Counters, frame);

        Assert.Equal(frame with { Payload = back.Payload }, back);
        Assert.Equal(frame.Payload, back.Payload);
    }

    [Fact]
    public void Hello_RoundTrip_FieldsKept()
    {
        var hello = new AgentHello(WireVersion.Current, "node-a", "0.1.0", [IpFamily.IPv4, IpFamily.IPv6], "legacy", 1000, true, "both backends hold rules");

        var back = RoundTrip(HubMethods.Hello, hello);

        Assert.Equal(hello.Node, back.Node);
        Assert.Equal(hello.Families, back.Families);
        Assert.Equal(hello with { Families = back.Families }, back);
    }

    [Fact]
    public void SnapshotChunk_RoundTrip_BelowSignalRDefaultLimit()
    {
        var chunk = new RuleSetSnapshotChunk(WireVersion.Current, IpFamily.IPv4, Hash, "nf_tables", 5, 900, SnapshotEncoder.Brotli, 0, 1, new byte[SnapshotEncoder.DefaultChunkBytes]);

        var bytes = Serialize(HubMethods.SnapshotChunk, chunk);
        var back = RoundTrip(HubMethods.SnapshotChunk, chunk);

        Assert.True(bytes.Length < 32 * 1024, $"{bytes.Length} bytes");
        Assert.Equal(chunk with { Data = back.Data }, back);
        Assert.Equal(chunk.Data, back.Data);
    }

    [Fact]
    public void SnapshotRequest_RoundTrip_FieldsKept()
    {
        var request = new SnapshotRequest(WireVersion.Current, IpFamily.IPv4, Hash, "unknown snapshot");

        Assert.Equal(request, RoundTrip(HubMethods.RequestSnapshot, request));
    }
}
