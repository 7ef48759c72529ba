using NetView.Core.Iptables;
using NetView.Core.Wire;

namespace NetView.Web.Ingestion;

internal sealed partial class Ingestor
{
    /// <summary>
    /// One chunk of a node's rule set. When the last chunk arrives the text is verified (length,
    /// hash, rule count), parsed and analysed (once per distinct hash across all nodes), and
    /// becomes the node's current rule set; counter frames that waited for it are applied.
    /// </summary>
    public IngestResult SnapshotChunk(string node, RuleSetSnapshotChunk? chunk)
    {
        if (!state.NodeStates.TryGetValue(node, out var nodeState))
        {
            return NotApplied(node, "snapshot", IngestResult.Rejected("snapshot chunk before hello"));
        }

        if (chunk is null || !Enum.IsDefined(chunk.Family))
        {
            return NotApplied(node, "snapshot", IngestResult.Rejected("snapshot chunk is missing or names an unknown family"));
        }

        if (chunk.Count > _options.MaxSnapshotChunks || chunk.RuleCount > _options.MaxRules)
        {
            return NotApplied(node, "snapshot", IngestResult.Rejected(
                $"snapshot {chunk.Hash}: {chunk.Count} chunks and {chunk.RuleCount} rules exceed NetView:MaxSnapshotChunks ({_options.MaxSnapshotChunks}) or NetView:MaxRules ({_options.MaxRules})"));
        }

        var points = new List<(SeriesKey, SeriesPoint)>();
        IngestResult result;
        RuleSetChange? change = null;
        var now = state.Time.GetUtcNow();
        lock (nodeState.Gate)
        {
            var family = nodeState.Family(chunk.Family, NewAssembler);
            var assembly = family.Assembler.Add(chunk);
            if (assembly.State == SnapshotAssemblyState.Rejected)
            {
                result = IngestResult.Rejected(assembly.Reason!);
            }
            else if (assembly.State == SnapshotAssemblyState.Incomplete)
            {
                result = IngestResult.Accepted;
            }
            else
            {
                (result, change) = Install(nodeState, family, assembly.Snapshot!, assembly.Text!, now, points);
            }

            Publish(points);
        }

        if (result.Outcome != IngestOutcome.Accepted)
        {
            return NotApplied(node, "snapshot", result);
        }

        metrics.Accepted("snapshot");
        if (change is not null)
        {
            state.RecordChange(change);
            state.Publish(new ClusterChange(ClusterChangeKind.RuleSetChanged, node, change.Family, now));
        }

        return result;
    }

    private (IngestResult, RuleSetChange?) Install(NodeState node, FamilyState family, RuleSetSnapshot snapshot, byte[] text, DateTimeOffset now, List<(SeriesKey, SeriesPoint)> points)
    {
        node.Backend = snapshot.Backend;
        RuleSetChange? change = null;
        if (family.Current?.Hash != snapshot.Hash)
        {
            var ruleSet = catalog.TryAcquire(snapshot.Family, snapshot.Hash);
            if (ruleSet is null)
            {
                try
                {
                    ruleSet = catalog.Add(AnalyzedRuleSet.Build(snapshot.Hash, snapshot.Backend, snapshot.Family, snapshot.Compressed, text, catalog.Pool));
                }
                catch (InvalidDumpException exception)
                {
                    return (IngestResult.Rejected($"snapshot {snapshot.Hash}: not a rule set: {exception.Message}"), null);
                }
            }

            change = Switch(node, family, ruleSet, now);
        }

        // Frames that arrived before the snapshot, in order; those of another hash are stale now.
        while (family.Pending.TryDequeue(out var frame))
        {
            if (frame.SnapshotHash == snapshot.Hash)
            {
                ApplyCounters(node, family, frame, now, points);
            }
        }

        return (IngestResult.Accepted, change);
    }

    /// <summary>
    /// Makes <paramref name="ruleSet"/> the family's current one. Counters of rules whose text is
    /// unchanged are carried over as the baseline, so the first frame of the new rule set (a
    /// keyframe) yields the increase of the interval instead of a spike or a gap; new rules start
    /// from zero, which is right since they were created within the interval.
    /// </summary>
    private RuleSetChange? Switch(NodeState node, FamilyState family, AnalyzedRuleSet ruleSet, DateTimeOffset now)
    {
        var old = family.Current;
        var counters = new RuleCounters(ruleSet.RuleCount);
        var carried = new Dictionary<string, Queue<int>>(StringComparer.Ordinal);
        if (old is not null)
        {
            for (var slot = 0; slot < old.RuleCount; slot++)
            {
                if (!carried.TryGetValue(old.SlotTexts[slot], out var slots))
                {
                    carried.Add(old.SlotTexts[slot], slots = new Queue<int>());
                }

                slots.Enqueue(slot);
            }
        }

        for (var slot = 0; slot < ruleSet.RuleCount; slot++)
        {
            var value = carried.TryGetValue(ruleSet.SlotTexts[slot], out var slots) && slots.TryDequeue(out var oldSlot) && family.HasBaseline
                ? family.Counters[oldSlot]
                : NetView.Core.Iptables.Counters.Zero;
            counters.Add(value.Packets, value.Bytes);
        }

        family.Counters = counters;
        family.HasBaseline = old is not null && family.HasBaseline;
        family.Current = ruleSet;
        family.ReceivedAt = now;
        family.CountersDirty = true;
        node.Dirty = true;
        if (old is null)
        {
            return new RuleSetChange(node.Name, ruleSet.Family, null, ruleSet.Hash, 0, ruleSet.RuleCount, ruleSet.RuleCount, 0, now);
        }

        var removed = carried.Values.Sum(q => q.Count);
        var added = ruleSet.RuleCount - (old.RuleCount - removed);
        catalog.Release(old);
        node.RuleChanges++;
        node.LastRuleChange = now;
        return new RuleSetChange(node.Name, ruleSet.Family, old.Hash, ruleSet.Hash, old.RuleCount, ruleSet.RuleCount, added, removed, now);
    }
}
