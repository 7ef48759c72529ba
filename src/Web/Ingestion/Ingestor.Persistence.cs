using NetView.Core.Iptables;
using NetView.Core.Wire;
using NetView.Web.Storage;

namespace NetView.Web.Ingestion;

internal sealed partial class Ingestor
{
    /// <summary>
    /// Refills the state from the store at start: nodes (disconnected until their agents say hello),
    /// their last rule sets with counters (so the next frame continues the series without a gap
    /// or a spike), and the histories.
    /// </summary>
    public void Restore(StoredState stored)
    {
        var now = state.Time.GetUtcNow();
        foreach (var record in stored.Nodes)
        {
            var node = state.NodeStates.GetOrAdd(record.Name, name => new NodeState(name, DateTimeOffset.FromUnixTimeMilliseconds(record.FirstSeenMs)));
            node.LastSeen = DateTimeOffset.FromUnixTimeMilliseconds(record.LastSeenMs);
            node.Backend = record.Backend;
            node.AgentVersion = record.AgentVersion;
            node.Interval = record.IntervalSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null;
            node.Dirty = false;
        }

        foreach (var record in stored.Snapshots)
        {
            if (state.NodeStates.TryGetValue(record.Node, out var node) && Enum.IsDefined((IpFamily)record.Family))
            {
                RestoreSnapshot(node, record);
            }
        }

        foreach (var group in stored.Samples.GroupBy(s => s.Key))
        {
            var history = state.Histories.GetOrAdd(group.Key, _ => new CounterHistory(state.Limits));
            history.Restore(group.Where(s => s.Downsampled).Select(s => s.Point), group.Where(s => !s.Downsampled).Select(s => s.Point), now);
        }
    }

    private void RestoreSnapshot(NodeState node, SnapshotRecord record)
    {
        var family = (IpFamily)record.Family;
        try
        {
            var text = RuleText.Decompress(record.CompressedText, _options.MaxSnapshotBytes);
            var ruleSet = catalog.TryAcquire(family, record.Hash)
                ?? catalog.Add(AnalyzedRuleSet.Build(record.Hash, node.Backend ?? "", family, record.CompressedText, text, catalog.Pool));
            var familyState = node.Family(family, NewAssembler);
            familyState.Current = ruleSet;
            familyState.StoredHash = record.Hash;
            familyState.ReceivedAt = DateTimeOffset.FromUnixTimeMilliseconds(record.ReceivedMs);
            familyState.Counters = new RuleCounters(ruleSet.RuleCount);
            familyState.Counters.Zero(ruleSet.RuleCount);
            if (record.CounterTimestampMs > 0)
            {
                var keyframe = new CounterFrame(
                    WireVersion.Current, family, record.Hash, record.CounterSequence, record.CounterTimestampMs, ruleSet.RuleCount,
                    SlotStart: 0, SlotEnd: ruleSet.RuleCount, Keyframe: true, Payload: record.Counters, ReadMilliseconds: 0, IntervalMilliseconds: 1, KubeProxy: null);
                if (CounterFrameDecoder.Apply(keyframe, record.Hash, familyState.Counters).Accepted)
                {
                    familyState.HasBaseline = true;
                    familyState.Sequence = record.CounterSequence;
                    familyState.CounterTimestamp = DateTimeOffset.FromUnixTimeMilliseconds(record.CounterTimestampMs);
                }
            }
        }
        catch (Exception exception) when (exception is InvalidDataException or InvalidDumpException)
        {
            // A stored rule set that no longer reads is dropped; the agent sends it again.
            LogRejected(logger, node.Name, "stored snapshot", exception.Message);
        }
    }

    /// <summary>
    /// What the store must write now: nodes that changed, rule texts not stored yet, counters that
    /// moved. With <paramref name="everything"/> (at shutdown) also every history's open bucket.
    /// </summary>
    public StoreBatch CollectChanges(bool everything)
    {
        var batch = new StoreBatch();
        foreach (var node in state.NodeStates.Values)
        {
            lock (node.Gate)
            {
                if (node.Dirty || everything)
                {
                    node.Dirty = false;
                    batch.Nodes.Add(new NodeRecord
                    {
                        Name = node.Name,
                        Backend = node.Backend,
                        AgentVersion = node.AgentVersion,
                        FirstSeenMs = node.FirstSeen.ToUnixTimeMilliseconds(),
                        LastSeenMs = node.LastSeen.ToUnixTimeMilliseconds(),
                        IntervalSeconds = node.Interval?.TotalSeconds,
                    });
                }

                foreach (var family in node.Families.Values)
                {
                    Collect(node, family, batch);
                }
            }
        }

        // After the counters: points are published under the node's lock, so every frame whose
        // counters this batch holds has its points queued by now.
        batch.Samples.AddRange(state.Writes.Take());
        if (everything)
        {
            foreach (var (key, history) in state.Histories)
            {
                if (history.OpenBucket is { } bucket)
                {
                    batch.Samples.Add(new StoredSample(key, true, bucket));
                }
            }
        }

        return batch;
    }

    private static void Collect(NodeState node, FamilyState family, StoreBatch batch)
    {
        if (family.Current is not { } current || !family.CountersDirty)
        {
            return;
        }

        family.CountersDirty = false;
        var counters = family.HasBaseline ? CounterFrameEncoder.EncodePayload(null, family.Counters) : [];
        var timestamp = family.HasBaseline ? family.CounterTimestamp?.ToUnixTimeMilliseconds() ?? 0 : 0;
        if (family.StoredHash != current.Hash)
        {
            family.StoredHash = current.Hash;
            batch.Snapshots.Add(new SnapshotRecord
            {
                Node = node.Name,
                Family = (int)family.Family,
                Hash = current.Hash,
                CompressedText = current.Compressed,
                ReceivedMs = family.ReceivedAt.ToUnixTimeMilliseconds(),
                Counters = counters,
                CounterTimestampMs = timestamp,
                CounterSequence = family.Sequence,
            });
        }
        else
        {
            batch.Counters.Add(new StoredCounters(node.Name, family.Family, current.Hash, counters, timestamp, family.Sequence));
        }
    }
}
