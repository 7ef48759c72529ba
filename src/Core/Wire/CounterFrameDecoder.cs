namespace NetView.Core.Wire;

/// <summary>
/// Applies a <see cref="CounterFrame"/> to the counters a receiver holds for the frame's
/// snapshot. The frame is checked completely before anything changes, so a malformed frame
/// (wrong version, hash or rule count, a bad varint, a slot past the end, an overflowing
/// counter, an oversized payload) leaves the state untouched and yields a reason; no exception
/// escapes for bad input.
/// </summary>
public static class CounterFrameDecoder
{
    /// <summary>Three ten-byte varints per slot is the most a valid payload can need.</summary>
    public const int MaxBytesPerSlot = 3 * Varint.MaxLength;

    /// <param name="expectedHash">The hash of the snapshot <paramref name="state"/> belongs to.</param>
    /// <param name="state">Absolute counters per slot; updated only when the frame is accepted.</param>
    /// <param name="changes">Receives one entry per changed slot when given (cleared first).</param>
    public static CounterFrameResult Apply(CounterFrame? frame, string expectedHash, RuleCounters state, List<CounterChange>? changes = null)
    {
        changes?.Clear();
        var problem = CheckHeader(frame, expectedHash, state);
        if (problem is not null)
        {
            return CounterFrameResult.Rejected(problem);
        }

        var keyframe = frame!.Keyframe;
        problem = Walk(frame, state, apply: false, changes: null, out var changed);
        if (problem is not null)
        {
            return CounterFrameResult.Rejected($"counter frame {frame.Family} #{frame.Sequence}: {problem}");
        }

        if (keyframe)
        {
            state.Values[(frame.SlotStart * 2)..(frame.SlotEnd * 2)].Clear();
        }

        Walk(frame, state, apply: true, changes, out _);
        return new CounterFrameResult(true, changed, null);
    }

    private static string? CheckHeader(CounterFrame? frame, string expectedHash, RuleCounters state)
    {
        if (frame is null)
        {
            return "counter frame is missing";
        }

        if (frame.Version != WireVersion.Current)
        {
            return $"counter frame: version {frame.Version} is not supported (expected {WireVersion.Current})";
        }

        if (frame.SnapshotHash != expectedHash)
        {
            return $"counter frame {frame.Family} #{frame.Sequence}: snapshot {frame.SnapshotHash} is not the current one ({expectedHash})";
        }

        if (frame.RuleCount != state.Count)
        {
            return $"counter frame {frame.Family} #{frame.Sequence}: ruleCount {frame.RuleCount} but snapshot {expectedHash} has {state.Count} rules";
        }

        if (frame.Payload is null)
        {
            return $"counter frame {frame.Family} #{frame.Sequence}: payload is missing";
        }

        if (frame.SlotStart < 0 || frame.SlotStart > frame.SlotEnd || frame.SlotEnd > state.Count)
        {
            return $"counter frame {frame.Family} #{frame.Sequence}: slot range {frame.SlotStart}..{frame.SlotEnd} is outside 0..{state.Count}";
        }

        var slots = frame.SlotEnd - frame.SlotStart;
        var limit = (long)slots * MaxBytesPerSlot;
        return frame.Payload.Length > limit
            ? $"counter frame {frame.Family} #{frame.Sequence}: payload of {frame.Payload.Length} bytes is over the {limit}-byte limit for {slots} rules"
            : null;
    }

    private static string? Walk(CounterFrame frame, RuleCounters state, bool apply, List<CounterChange>? changes, out int changed)
    {
        changed = 0;
        ReadOnlySpan<byte> payload = frame.Payload;
        var keyframe = frame.Keyframe;
        var end = frame.SlotEnd;
        var values = state.Values;
        var position = 0;
        long slot = frame.SlotStart - 1;
        while (position < payload.Length)
        {
            var entryStart = position;
            if (!Varint.TryRead(payload, ref position, out var head)
                || !Varint.TryRead(payload, ref position, out var packets)
                || !Varint.TryRead(payload, ref position, out var bytes))
            {
                return $"bad varint in the entry at byte {entryStart}";
            }

            var gap = head >> 1;
            if (gap >= (ulong)(end - slot - 1))
            {
                return $"entry at byte {entryStart} skips {gap} slots after slot {slot}, past the frame's end at slot {end}";
            }

            slot += (long)gap + 1;

            if (packets > long.MaxValue || bytes > long.MaxValue)
            {
                return $"entry at byte {entryStart} (slot {slot}): counter value out of range";
            }

            var absolute = keyframe || (head & 1) == 1;
            var index = (int)slot * 2;
            var oldPackets = keyframe ? 0 : values[index];
            var oldBytes = keyframe ? 0 : values[index + 1];
            if (!absolute && ((long)packets > long.MaxValue - oldPackets || (long)bytes > long.MaxValue - oldBytes))
            {
                return $"entry at byte {entryStart} (slot {slot}): counter overflows";
            }

            var newPackets = absolute ? (long)packets : oldPackets + (long)packets;
            var newBytes = absolute ? (long)bytes : oldBytes + (long)bytes;
            changed++;
            if (apply)
            {
                values[index] = newPackets;
                values[index + 1] = newBytes;
                var kind = keyframe ? CounterChangeKind.Keyframe : (head & 1) == 1 ? CounterChangeKind.Reset : CounterChangeKind.Delta;
                changes?.Add(new CounterChange((int)slot, kind, (long)packets, (long)bytes, newPackets, newBytes));
            }
        }

        return null;
    }
}
