using System.Buffers;
using NetView.Core.Iptables;

namespace NetView.Core.Wire;

/// <summary>
/// Encodes the counters that moved between two ticks. Per changed slot, three unsigned varints:
/// <c>(gap &lt;&lt; 1) | reset</c> where gap is the number of unchanged slots skipped since the
/// previous entry (or since the frame's first slot), then packets, then bytes. Normally packets
/// and bytes are increases; when a counter went down (kube-proxy rewrote the chain, the kernel
/// zeroed it) the reset bit is set and they are the new absolute values, so no receiver ever
/// computes a negative rate. A keyframe encodes against all-zero counters, i.e. absolute values.
/// A tick whose payload would exceed the message limit becomes several frames over consecutive
/// slot ranges.
/// </summary>
public static class CounterFrameEncoder
{
    /// <summary>Keeps a frame well below SignalR's default 32 KB receive limit.</summary>
    public const int DefaultMaxPayloadBytes = 16 * 1024;

    private const int MaxEntryBytes = 3 * Varint.MaxLength;

    /// <summary>The whole payload of current against previous (against zero when <paramref name="previous"/> is null), unsplit.</summary>
    public static byte[] EncodePayload(RuleCounters? previous, RuleCounters current)
    {
        var ranges = new List<(int Start, int End, byte[] Payload)>(1);
        EncodeRanges(previous, current, int.MaxValue, ranges);
        return ranges[0].Payload;
    }

    /// <summary>
    /// The frames of one tick (usually one), numbered from <paramref name="firstSequence"/>; a
    /// keyframe when <paramref name="previous"/> is null. The read time, interval and kube-proxy
    /// figures travel in the first frame only.
    /// </summary>
    public static IReadOnlyList<CounterFrame> Encode(
        IpFamily family, string snapshotHash, long firstSequence, long timestampUnixMilliseconds,
        RuleCounters? previous, RuleCounters current,
        int readMilliseconds = 0, int intervalMilliseconds = 0, KubeProxyFigures? kubeProxy = null,
        int maxPayloadBytes = DefaultMaxPayloadBytes)
    {
        var ranges = new List<(int Start, int End, byte[] Payload)>(1);
        EncodeRanges(previous, current, maxPayloadBytes, ranges);
        var frames = new CounterFrame[ranges.Count];
        for (var i = 0; i < ranges.Count; i++)
        {
            var (start, end, payload) = ranges[i];
            frames[i] = new CounterFrame(
                WireVersion.Current, family, snapshotHash, firstSequence + i, timestampUnixMilliseconds, current.Count,
                start, end, previous is null, payload,
                i == 0 ? readMilliseconds : 0, i == 0 ? intervalMilliseconds : 0, i == 0 ? kubeProxy : null);
        }

        return frames;
    }

    private static void EncodeRanges(RuleCounters? previous, RuleCounters current, int maxPayloadBytes, List<(int Start, int End, byte[] Payload)> ranges)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPayloadBytes, MaxEntryBytes);
        if (previous is not null && previous.Count != current.Count)
        {
            throw new ArgumentException($"previous has {previous.Count} slots but current has {current.Count}; a new rule set needs a keyframe", nameof(previous));
        }

        var now = current.Values;
        var before = previous is null ? default : previous.Values;
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        var length = 0;
        var rangeStart = 0;
        try
        {
            var last = -1;
            var slot = 0;
            while (slot < current.Count)
            {
                if (previous is not null)
                {
                    // Skip the unchanged run in one vectorised comparison; most slots do not move.
                    slot += now[(slot * 2)..].CommonPrefixLength(before[(slot * 2)..]) / 2;
                    if (slot >= current.Count)
                    {
                        break;
                    }
                }

                var packets = now[slot * 2];
                var bytes = now[(slot * 2) + 1];
                var oldPackets = previous is null ? 0 : before[slot * 2];
                var oldBytes = previous is null ? 0 : before[(slot * 2) + 1];
                if (packets == oldPackets && bytes == oldBytes)
                {
                    slot++;
                    continue;
                }

                if (length > 0 && length + MaxEntryBytes > maxPayloadBytes)
                {
                    ranges.Add((rangeStart, slot, buffer.AsSpan(0, length).ToArray()));
                    rangeStart = slot;
                    last = slot - 1;
                    length = 0;
                }

                if (buffer.Length - length < MaxEntryBytes)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var reset = packets < oldPackets || bytes < oldBytes;
                var gap = (ulong)(slot - last - 1);
                length += Varint.Write(buffer.AsSpan(length), (gap << 1) | (reset ? 1UL : 0UL));
                length += Varint.Write(buffer.AsSpan(length), (ulong)(reset ? packets : packets - oldPackets));
                length += Varint.Write(buffer.AsSpan(length), (ulong)(reset ? bytes : bytes - oldBytes));
                last = slot;
                slot++;
            }

            ranges.Add((rangeStart, current.Count, buffer.AsSpan(0, length).ToArray()));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
