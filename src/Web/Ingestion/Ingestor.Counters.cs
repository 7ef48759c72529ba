using NetView.Core.Wire;

namespace NetView.Web.Ingestion;

internal sealed partial class Ingestor
{
    private const int MaxHashLength = 64;

    /// <summary>
    /// A counter frame: checked against the node's current rule set of its family (hash, rule
    /// count, payload), then applied; the increases become points of the endpoint and chain
    /// histories. A frame for a hash the server does not hold is kept (bounded) and answered with
    /// a snapshot request.
    /// </summary>
    public IngestResult Counters(string node, CounterFrame? frame)
    {
        if (!state.NodeStates.TryGetValue(node, out var nodeState))
        {
            return NotApplied(node, "counters", IngestResult.Rejected("counter frame before hello"));
        }

        var problem = CheckCounterFrame(frame);
        if (problem is not null)
        {
            return NotApplied(node, "counters", IngestResult.Rejected(problem));
        }

        var points = new List<(SeriesKey, SeriesPoint)>();
        var now = state.Time.GetUtcNow();
        IngestResult result;
        RuleSetChange? change = null;
        lock (nodeState.Gate)
        {
            var family = nodeState.Family(frame!.Family, NewAssembler);
            if (family.Current?.Hash != frame.SnapshotHash && catalog.TryAcquire(frame.Family, frame.SnapshotHash) is { } known)
            {
                // Another node sent this very rule set: same hash, same text. No transfer needed.
                change = Switch(nodeState, family, known, now);
            }

            if (family.Current?.Hash != frame.SnapshotHash)
            {
                if (family.Pending.Count >= FamilyState.MaxPendingFrames)
                {
                    family.Pending.Dequeue();
                }

                family.Pending.Enqueue(frame);
                result = new IngestResult(
                    IngestOutcome.NeedSnapshot,
                    $"counter frame {frame.Family} #{frame.Sequence}: snapshot {frame.SnapshotHash} is unknown",
                    new SnapshotRequest(WireVersion.Current, frame.Family, frame.SnapshotHash, "unknown snapshot hash"));
            }
            else
            {
                result = ApplyCounters(nodeState, family, frame, now, points);
            }

            // Under the node's lock, so a store flush that takes these counters also finds these points.
            Publish(points);
        }

        if (change is not null)
        {
            state.RecordChange(change);
            state.Publish(new ClusterChange(ClusterChangeKind.RuleSetChanged, node, change.Family, now));
        }

        if (result.Outcome != IngestOutcome.Accepted)
        {
            return NotApplied(node, "counters", result);
        }

        metrics.Accepted("counters");
        LogApplied(logger, node, frame!.Family, frame.Sequence, frame.TimestampUnixMilliseconds, frame.Keyframe);
        state.Publish(new ClusterChange(ClusterChangeKind.CountersUpdated, node, frame!.Family, now));
        return result;
    }

    private string? CheckCounterFrame(CounterFrame? frame)
    {
        if (frame is null)
        {
            return "counter frame is missing";
        }

        if (frame.Version != WireVersion.Current)
        {
            return $"counter frame: version {frame.Version} is not supported (expected {WireVersion.Current})";
        }

        if (!Enum.IsDefined(frame.Family) || frame.SnapshotHash is not { Length: MaxHashLength } || !frame.SnapshotHash.All(char.IsAsciiHexDigitLower))
        {
            return "counter frame: unknown family, or snapshotHash is not 64 lower-case hex digits";
        }

        if (frame.RuleCount < 0 || frame.RuleCount > _options.MaxRules)
        {
            return $"counter frame {frame.Family} #{frame.Sequence}: ruleCount {frame.RuleCount} is outside 0..{_options.MaxRules}";
        }

        if (frame.Payload is null || frame.Payload.Length > (long)frame.RuleCount * CounterFrameDecoder.MaxBytesPerSlot)
        {
            return $"counter frame {frame.Family} #{frame.Sequence}: payload is missing or larger than {frame.RuleCount} rules can need";
        }

        return frame.IntervalMilliseconds < 0 || frame.ReadMilliseconds < 0
            ? $"counter frame {frame.Family} #{frame.Sequence}: intervalMilliseconds and readMilliseconds must not be negative"
            : null;
    }

    private IngestResult ApplyCounters(NodeState node, FamilyState family, CounterFrame frame, DateTimeOffset now, List<(SeriesKey, SeriesPoint)> points)
    {
        var timestamp = DateTimeOffset.FromUnixTimeMilliseconds(frame.TimestampUnixMilliseconds);
        var continuation = frame.SlotStart > 0;
        if (continuation)
        {
            // The rest of a tick split over slot ranges: it must follow the frame before it.
            if (timestamp != family.CounterTimestamp || frame.Sequence != family.Sequence + 1 || frame.SlotStart != family.TickSlotEnd)
            {
                return IngestResult.Ignored($"counter frame {frame.Family} #{frame.Sequence}: slots {frame.SlotStart}..{frame.SlotEnd} do not continue the tick applied last (#{family.Sequence}, up to slot {family.TickSlotEnd})");
            }
        }
        else
        {
            if (!frame.Keyframe && frame.Sequence <= family.Sequence)
            {
                return IngestResult.Ignored($"counter frame {frame.Family} #{frame.Sequence}: already applied (last #{family.Sequence})");
            }

            if (family.CounterTimestamp is { } last && timestamp <= last)
            {
                return IngestResult.Ignored($"counter frame {frame.Family} #{frame.Sequence}: timestamp {timestamp:O} is not after the last applied one ({last:O})");
            }
        }

        var counters = family.Counters;
        long[]? before = null;
        if (frame.Keyframe && family.HasBaseline && !(continuation && family.TickIsBaseline))
        {
            before = new long[(frame.SlotEnd - frame.SlotStart) * 2];
            for (var slot = frame.SlotStart; slot < frame.SlotEnd && slot < counters.Count; slot++)
            {
                before[(slot - frame.SlotStart) * 2] = counters[slot].Packets;
                before[((slot - frame.SlotStart) * 2) + 1] = counters[slot].Bytes;
            }
        }

        var changes = new List<CounterChange>();
        var applied = CounterFrameDecoder.Apply(frame, family.Current!.Hash, counters, changes);
        if (!applied.Accepted)
        {
            return IngestResult.Rejected(applied.Reason!);
        }

        if (!continuation)
        {
            // A keyframe with nothing to compare against (a node never seen, or its counters lost)
            // only sets the baseline: its values accumulate everything before, not one interval.
            family.TickIsBaseline = frame.Keyframe && before is null;
            family.TickInterval = family.CounterTimestamp is { } previous ? timestamp - previous : TimeSpan.FromMilliseconds(Math.Max(1, frame.IntervalMilliseconds));
            if (!family.TickIsBaseline)
            {
                points.Add((SeriesKey.Timeline(node.Name, family.Family), new SeriesPoint(timestamp, family.TickInterval, 0, 0)));
            }
        }

        if (!family.TickIsBaseline)
        {
            Increases(node.Name, family, frame.Keyframe ? KeyframeIncreases(before!, counters, frame.SlotStart) : changes, timestamp, points);
        }

        family.HasBaseline = true;
        family.Sequence = frame.Sequence;
        family.CounterTimestamp = timestamp;
        family.TickSlotEnd = frame.SlotEnd;
        family.CountersDirty = true;
        node.LastSeen = now;
        node.Problem = null;
        if (!continuation)
        {
            node.Interval = frame.IntervalMilliseconds > 0 ? TimeSpan.FromMilliseconds(frame.IntervalMilliseconds) : node.Interval;
            node.ReadTime = TimeSpan.FromMilliseconds(frame.ReadMilliseconds);
            node.KubeProxy = frame.KubeProxy ?? node.KubeProxy;
        }

        return IngestResult.Accepted;
    }

    private static List<CounterChange> KeyframeIncreases(long[] before, RuleCounters after, int firstSlot)
    {
        var changes = new List<CounterChange>();
        for (var i = 0; i < before.Length / 2; i++)
        {
            var slot = firstSlot + i;
            var (packets, bytes) = (after[slot].Packets, after[slot].Bytes);
            var (oldPackets, oldBytes) = (before[i * 2], before[(i * 2) + 1]);
            if (packets != oldPackets || bytes != oldBytes)
            {
                var reset = packets < oldPackets || bytes < oldBytes;
                changes.Add(new CounterChange(
                    slot, reset ? CounterChangeKind.Reset : CounterChangeKind.Delta,
                    reset ? packets : packets - oldPackets, reset ? bytes : bytes - oldBytes, packets, bytes));
            }
        }

        return changes;
    }

    private static void Increases(string node, FamilyState family, List<CounterChange> changes, DateTimeOffset timestamp, List<(SeriesKey, SeriesPoint)> points)
    {
        var ruleSet = family.Current!;
        var sums = new Dictionary<SeriesKey, (long Packets, long Bytes)>();
        foreach (var change in changes)
        {
            if (ruleSet.EndpointSlots.TryGetValue(change.Slot, out var endpoint))
            {
                Accumulate(sums, new SeriesKey(node, family.Family, SeriesKind.Endpoint, endpoint), change);
            }

            if (ruleSet.ChainEntrySlots.TryGetValue(change.Slot, out var chain))
            {
                Accumulate(sums, SeriesKey.Chain(node, family.Family, chain), change);
            }
        }

        foreach (var (key, (packets, bytes)) in sums)
        {
            if (packets != 0 || bytes != 0)
            {
                points.Add((key, new SeriesPoint(timestamp, family.TickInterval, packets, bytes)));
            }
        }
    }

    private static void Accumulate(Dictionary<SeriesKey, (long Packets, long Bytes)> sums, SeriesKey key, CounterChange change)
    {
        var sum = sums.GetValueOrDefault(key);
        sums[key] = (sum.Packets + change.PacketIncrease, sum.Bytes + change.ByteIncrease);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Applied counter frame of {Node} {Family} #{Sequence} at {Timestamp} (keyframe {Keyframe})")]
    private static partial void LogApplied(ILogger logger, string node, NetView.Core.Iptables.IpFamily family, long sequence, long timestamp, bool keyframe);

    private void Publish(List<(SeriesKey Key, SeriesPoint Point)> points)
    {
        foreach (var (key, point) in points)
        {
            state.Record(key, point);
        }
    }
}
