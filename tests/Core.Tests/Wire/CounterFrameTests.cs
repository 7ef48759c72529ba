using NetView.Core.Iptables;
using NetView.Core.Wire;

namespace NetView.Core.Tests.Wire;

public sealed class CounterFrameTests
{
    private const string Hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static RuleCounters Counters(params (long Packets, long Bytes)[] slots)
    {
        var counters = new RuleCounters();
        foreach (var (packets, bytes) in slots)
        {
            counters.Add(packets, bytes);
        }

        return counters;
    }

    private static CounterFrame Frame(RuleCounters? previous, RuleCounters current, long sequence = 2) =>
        Assert.Single(CounterFrameEncoder.Encode(IpFamily.IPv4, Hash, sequence, 1_764_206_250_000, previous, current));

    private static CounterFrame WithPayload(int ruleCount, params byte[] payload) =>
        new(WireVersion.Current, IpFamily.IPv4, Hash, 3, 0, ruleCount, 0, ruleCount, false, payload, 0, 0, null);

    [Fact]
    public void EncodePayload_TwoSlotsMoved_GapsAndIncreasesAsVarints()
    {
        var previous = Counters((10, 600), (0, 0), (5, 300), (7, 420));
        var current = Counters((10, 600), (1, 60), (5, 300), (207, 12420));

        var payload = CounterFrameEncoder.EncodePayload(previous, current);

        // slot 1: gap 1 → head 2; slot 3: gap 1 → head 2; 12000 = 0xE0 0x5D.
        Assert.Equal(new byte[] { 2, 1, 60, 2, 200, 1, 0xE0, 0x5D }, payload);
    }

    [Fact]
    public void EncodePayload_NothingMoved_Empty()
    {
        var previous = Counters((10, 600), (3, 180));

        var frame = Frame(previous, Counters((10, 600), (3, 180)));

        Assert.Empty(frame.Payload);
        Assert.False(frame.Keyframe);
    }

    [Fact]
    public void EncodePayload_CounterWentDown_ResetWithAbsoluteValue()
    {
        var previous = Counters((500, 30000), (9, 540));
        var current = Counters((2, 120), (9, 540));

        var payload = CounterFrameEncoder.EncodePayload(previous, current);

        Assert.Equal(new byte[] { 1, 2, 120 }, payload);
    }

    [Fact]
    public void Apply_RoundTrip_StateEqualsCurrentAndChangesListed()
    {
        var previous = Counters((10, 600), (0, 0), (5, 300), (500, 30000));
        var current = Counters((12, 720), (0, 0), (5, 300), (2, 120));
        var state = Counters((10, 600), (0, 0), (5, 300), (500, 30000));
        var changes = new List<CounterChange>();

        var result = CounterFrameDecoder.Apply(Frame(previous, current), Hash, state, changes);

        Assert.True(result.Accepted, result.Reason);
        Assert.Equal(2, result.ChangedRules);
        Assert.Equal([new(12, 720), new(0, 0), new(5, 300), new(2, 120)], Enumerable.Range(0, 4).Select(i => state[i]));
        Assert.Equal(
            [new CounterChange(0, CounterChangeKind.Delta, 2, 120, 12, 720), new CounterChange(3, CounterChangeKind.Reset, 2, 120, 2, 120)],
            changes);
    }

    [Fact]
    public void Apply_Keyframe_ReplacesEveryValue()
    {
        var state = Counters((99, 99), (99, 99), (99, 99));

        var result = CounterFrameDecoder.Apply(Frame(null, Counters((0, 0), (4, 240), (0, 0))), Hash, state);

        Assert.True(result.Accepted, result.Reason);
        Assert.Equal([new(0, 0), new(4, 240), new(0, 0)], Enumerable.Range(0, 3).Select(i => state[i]));
    }

    [Fact]
    public void Apply_OtherSnapshotHash_RejectedNamingBoth()
    {
        var state = Counters((1, 1));
        var frame = Frame(Counters((1, 1)), Counters((2, 2))) with { SnapshotHash = new string('a', 64) };

        var result = CounterFrameDecoder.Apply(frame, Hash, state);

        Assert.False(result.Accepted);
        Assert.Contains(new string('a', 64), result.Reason);
        Assert.Contains("not the current one", result.Reason);
    }

    [Fact]
    public void Apply_WrongRuleCount_Rejected()
    {
        var result = CounterFrameDecoder.Apply(WithPayload(5, 0, 1, 1), Hash, Counters((1, 1), (2, 2)));

        Assert.False(result.Accepted);
        Assert.Contains("ruleCount 5", result.Reason);
    }

    [Fact]
    public void Apply_UnsupportedVersion_Rejected()
    {
        var result = CounterFrameDecoder.Apply(WithPayload(1) with { Version = 7 }, Hash, Counters((1, 1)));

        Assert.False(result.Accepted);
        Assert.Contains("version 7", result.Reason);
    }

    [Theory]
    [InlineData(new byte[] { 0, 1 }, "bad varint")]
    [InlineData(new byte[] { 0, 0x80, 0x80 }, "bad varint")]
    [InlineData(new byte[] { 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F, 0 }, "bad varint")]
    [InlineData(new byte[] { 4, 1, 1 }, "past the frame's end at slot 2")]
    [InlineData(new byte[] { 0, 1, 1, 0, 1, 1, 0, 1, 1 }, "past the frame's end at slot 2")]
    [InlineData(new byte[] { 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F, 0 }, "overflows")]
    [InlineData(new byte[] { 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, 0 }, "out of range")]
    public void Apply_MalformedPayload_RejectedAndStateUntouched(byte[] payload, string reason)
    {
        var state = Counters((1, 1), (2, 2));

        var result = CounterFrameDecoder.Apply(WithPayload(2, payload), Hash, state);

        Assert.False(result.Accepted);
        Assert.Contains(reason, result.Reason);
        Assert.Equal([new(1, 1), new(2, 2)], Enumerable.Range(0, 2).Select(i => state[i]));
    }

    [Fact]
    public void Apply_OversizedPayload_Rejected()
    {
        var result = CounterFrameDecoder.Apply(WithPayload(1, new byte[31]), Hash, Counters((1, 1)));

        Assert.False(result.Accepted);
        Assert.Contains("over the 30-byte limit", result.Reason);
    }

    [Fact]
    public void Apply_MissingFrame_RejectedWithoutException()
    {
        var result = CounterFrameDecoder.Apply(null, Hash, Counters((1, 1)));

        Assert.False(result.Accepted);
        Assert.Equal("counter frame is missing", result.Reason);
    }

    [Fact]
    public void Encode_PayloadOverLimit_SplitIntoConsecutiveRangesThatApplyLikeOne()
    {
        var previous = new RuleCounters();
        var current = new RuleCounters();
        for (var slot = 0; slot < 1000; slot++)
        {
            previous.Add(slot, slot * 60);
            current.Add(slot % 3 == 0 ? slot + 1000 : slot, slot % 3 == 0 ? (slot * 60) + 60_000 : slot * 60);
        }

        var frames = CounterFrameEncoder.Encode(IpFamily.IPv4, Hash, 10, 0, previous, current, readMilliseconds: 5, maxPayloadBytes: 64);
        var state = new RuleCounters();
        state.CopyFrom(previous);
        var results = frames.Select(frame => CounterFrameDecoder.Apply(frame, Hash, state)).ToList();

        Assert.True(frames.Count > 10);
        Assert.All(frames, frame => Assert.True(frame.Payload.Length <= 64));
        Assert.Equal(Enumerable.Range(10, frames.Count).Select(i => (long)i), frames.Select(frame => frame.Sequence));
        Assert.Equal(0, frames[0].SlotStart);
        Assert.Equal(1000, frames[^1].SlotEnd);
        Assert.All(frames.Zip(frames.Skip(1)), pair => Assert.Equal(pair.First.SlotEnd, pair.Second.SlotStart));
        Assert.Equal([5, 0], frames.Take(2).Select(frame => frame.ReadMilliseconds));
        Assert.All(results, result => Assert.True(result.Accepted, result.Reason));
        Assert.Equal(334, results.Sum(result => result.ChangedRules));
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => current[i]), Enumerable.Range(0, 1000).Select(i => state[i]));
    }

    [Fact]
    public void Apply_SplitKeyframe_ZeroesOnlyItsRange()
    {
        var state = Counters((9, 9), (9, 9), (9, 9), (9, 9));
        var frame = WithPayload(4, 0, 5, 0xAC, 0x02) with { Keyframe = true, SlotStart = 2, SlotEnd = 4 };

        var result = CounterFrameDecoder.Apply(frame, Hash, state);

        Assert.True(result.Accepted, result.Reason);
        Assert.Equal([new(9, 9), new(9, 9), new(5, 300), new(0, 0)], Enumerable.Range(0, 4).Select(i => state[i]));
    }

    [Fact]
    public void Apply_SlotRangeOutsideRules_Rejected()
    {
        var result = CounterFrameDecoder.Apply(WithPayload(2) with { SlotStart = 1, SlotEnd = 3 }, Hash, Counters((1, 1), (2, 2)));

        Assert.False(result.Accepted);
        Assert.Contains("slot range 1..3", result.Reason);
    }
}
