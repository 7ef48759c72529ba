using System.Buffers;
using NetView.Core.Iptables;

namespace NetView.Core.Wire;

/// <summary>
/// Encodes the counters that moved between two ticks. Per changed slot, three unsigned varints:
/// <c>(gap &lt;&lt; 1) | reset</c> where gap is the number of unchanged slots skipped since the
/// previous entry, then packets, then bytes. Normally packets and bytes are increases; when a
/// counter went down (kube-proxy rewrote the chain, the kernel zeroed it) the reset bit is set
/// and they are the new absolute values, so no receiver ever computes a negative rate. A
/// keyframe encodes against all-zero counters, i.e. absolute values.
/// </summary>
public static class CounterFrameEncoder
{
    /// <summary>The payload of current against previous, or against zero (a keyframe) when <paramref name="previous"/> is null.</summary>
    public static byte[] EncodePayload(RuleCounters? previous, RuleCounters current)
    {
        if (previous is not null && previous.Count != current.Count)
        {
            throw new ArgumentException($"previous has {previous.Count} slots but current has {current.Count}; a new rule set needs a keyframe", nameof(previous));
        }

        var now = current.Values;
        var before = previous is null ? default : previous.Values;
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        var length = 0;
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

                var reset = packets < oldPackets || bytes < oldBytes;
                if (buffer.Length - length < 3 * Varint.MaxLength)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var gap = (ulong)(slot - last - 1);
                length += Varint.Write(buffer.AsSpan(length), (gap << 1) | (reset ? 1UL : 0UL));
                length += Varint.Write(buffer.AsSpan(length), (ulong)(reset ? packets : packets - oldPackets));
                length += Varint.Write(buffer.AsSpan(length), (ulong)(reset ? bytes : bytes - oldBytes));
                last = slot;
                slot++;
            }

            return buffer.AsSpan(0, length).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A whole frame; a keyframe when <paramref name="previous"/> is null.</summary>
    public static CounterFrame Encode(
        IpFamily family, string snapshotHash, long sequence, long timestampUnixMilliseconds,
        RuleCounters? previous, RuleCounters current,
        int readMilliseconds = 0, int intervalMilliseconds = 0, KubeProxyFigures? kubeProxy = null) =>
        new(WireVersion.Current, family, snapshotHash, sequence, timestampUnixMilliseconds, current.Count,
            previous is null, EncodePayload(previous, current), readMilliseconds, intervalMilliseconds, kubeProxy);
}
