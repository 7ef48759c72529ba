using System.Text;
using NetView.Agent.Streaming;
using NetView.Core.Iptables;
using NetView.Core.Wire;

namespace NetView.Agent.Tests.Streaming;

public sealed class FamilyStreamTests
{
    private const string Dump = """
        *nat
        :KUBE-SVC-TCOU7JCQXEZGVUNU - [0:0]
        [40:2400] -A KUBE-SVC-TCOU7JCQXEZGVUNU -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-IT2ZTR26TO4XFPTO
        [38:2280] -A KUBE-SVC-TCOU7JCQXEZGVUNU -j KUBE-SEP-ZXMNUKOKXUTL2MK2
        COMMIT

        """;

    private static (RuleSetSnapshot? Snapshot, List<CounterFrame> Frames) Tick(FamilyStream stream, string dump)
    {
        stream.Scanner.Reset();
        Assert.Null(stream.Scanner.Append(Encoding.UTF8.GetBytes(dump)));
        var frames = new List<CounterFrame>();
        var snapshot = stream.Complete("legacy", 1_764_206_250_000, 12, 1000, null, frames);
        return (snapshot, frames);
    }

    [Fact]
    public void Complete_FirstTick_SnapshotAndKeyframe()
    {
        var (snapshot, frames) = Tick(new FamilyStream(IpFamily.IPv4), Dump);

        Assert.NotNull(snapshot);
        Assert.Equal(2, snapshot.RuleCount);
        var frame = Assert.Single(frames);
        Assert.True(frame.Keyframe);
        Assert.Equal(1, frame.Sequence);
        Assert.Equal(snapshot.Hash, frame.SnapshotHash);
    }

    [Fact]
    public void Complete_IdleTick_NoSnapshotEmptyDeltaFrame()
    {
        var stream = new FamilyStream(IpFamily.IPv4);
        Tick(stream, Dump);

        var (snapshot, frames) = Tick(stream, Dump);

        Assert.Null(snapshot);
        var frame = Assert.Single(frames);
        Assert.False(frame.Keyframe);
        Assert.Empty(frame.Payload);
        Assert.Equal(2, frame.Sequence);
    }

    [Fact]
    public void Complete_CountersMoved_DeltaOfTheMovedRuleOnly()
    {
        var stream = new FamilyStream(IpFamily.IPv4);
        Tick(stream, Dump);

        var (_, frames) = Tick(stream, Dump.Replace("[38:2280]", "[41:2460]"));

        Assert.Equal(new byte[] { 2, 3, 0xB4, 0x01 }, Assert.Single(frames).Payload);
    }

    [Fact]
    public void Complete_KubeProxyRewroteChain_NewSnapshotAndKeyframe()
    {
        var stream = new FamilyStream(IpFamily.IPv4);
        var (first, _) = Tick(stream, Dump);

        var (second, frames) = Tick(stream, Dump.Replace("0.50000000000", "0.33333333349").Replace("[40:2400]", "[0:0]"));

        Assert.NotNull(second);
        Assert.NotEqual(first!.Hash, second.Hash);
        Assert.True(Assert.Single(frames).Keyframe);
        Assert.Equal(second.Hash, frames[0].SnapshotHash);
    }

    [Fact]
    public void Complete_AfterKeyframeRequest_AbsoluteValuesOnceThenDeltas()
    {
        var stream = new FamilyStream(IpFamily.IPv4);
        Tick(stream, Dump);
        stream.RequestKeyframe();

        var (_, keyframe) = Tick(stream, Dump);
        var (_, delta) = Tick(stream, Dump);

        Assert.True(keyframe[0].Keyframe);
        Assert.NotEmpty(keyframe[0].Payload);
        Assert.False(delta[0].Keyframe);
        Assert.Empty(delta[0].Payload);
    }
}
