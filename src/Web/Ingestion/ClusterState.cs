using System.Collections.Concurrent;
using NetView.Core.Iptables;
using NetView.Web.Storage;

namespace NetView.Web.Ingestion;

/// <summary>
/// The read side of the live path, for pages and the HTTP API (no UI types here):
/// <list type="bullet">
/// <item><see cref="Nodes"/> / <see cref="Node"/>: agent state per node;</item>
/// <item><see cref="RuleSet"/> / <see cref="RuleSets"/>: a node's current rule set per family, parsed
/// (<see cref="AnalyzedRuleSet.RuleSet"/>), analysed (<see cref="AnalyzedRuleSet.Analysis"/>), with
/// its counters (<see cref="NodeRuleSet.CountersOf"/>);</item>
/// <item><see cref="Services"/> / <see cref="Service"/>: service ports summed over nodes, per endpoint and per node;</item>
/// <item><see cref="Series"/> and <see cref="ServiceSeries"/>: bounded connection-rate histories per
/// endpoint and per kube-proxy chain (full resolution recently, downsampled before);</item>
/// <item><see cref="Changes"/>: recent rule-set changes;</item>
/// <item><see cref="Subscribe"/>: change notifications. Read the initial state, then subscribe and
/// re-read what a <see cref="ClusterChange"/> names. Callbacks run on the ingesting thread, many
/// times a second on a big cluster: never block in them; coalesce (e.g. ≥100 ms) before rendering.</item>
/// </list>
/// Every result is an immutable copy, safe to hold while ingestion goes on. Frames come in
/// through <see cref="Ingestor"/>.
/// </summary>
public sealed class ClusterState
{
    private readonly Lock _gate = new();
    private readonly RingBuffer<RuleSetChange> _changes;
    private Action<ClusterChange>[] _subscribers = [];

    // Summing service ports over every node is the most expensive read (10,000 service ports ×
    // nodes), and every open page asks for it after every change. One sum serves all readers until
    // the next change, and at most a second in case a change is not published (the store's load).
    private static readonly TimeSpan ServiceTotalsMaxAge = TimeSpan.FromSeconds(1);
    private long _version;
    private ServiceTotalsSnapshot? _serviceTotals;
    private readonly Lock _indexGate = new();
    private ServicePortIndex? _serviceIndex;

    internal ClusterState(HistoryLimits limits, int changeEvents, TimeProvider time, PendingWrites writes)
    {
        Limits = limits;
        Time = time;
        Writes = writes;
        _changes = new RingBuffer<RuleSetChange>(changeEvents);
    }

    internal HistoryLimits Limits { get; }

    internal TimeProvider Time { get; }

    internal PendingWrites Writes { get; }

    internal ConcurrentDictionary<string, NodeState> NodeStates { get; } = new(StringComparer.Ordinal);

    internal ConcurrentDictionary<SeriesKey, CounterHistory> Histories { get; } = new();

    /// <summary>Every node ever seen (kept across restarts), by name.</summary>
    public IReadOnlyList<NodeStatus> Nodes() =>
        [.. NodeStates.Values.Select(Status).OrderBy(n => n.Name, StringComparer.Ordinal)];

    public NodeStatus? Node(string name) => NodeStates.TryGetValue(name, out var node) ? Status(node) : null;

    /// <summary>The node's current rule set of one family with its counters, or null.</summary>
    public NodeRuleSet? RuleSet(string node, IpFamily family)
    {
        if (!NodeStates.TryGetValue(node, out var state))
        {
            return null;
        }

        lock (state.Gate)
        {
            return state.Families.TryGetValue(family, out var f) && f.Current is not null ? View(state, f) : null;
        }
    }

    /// <summary>The node's current rule sets, IPv4 first.</summary>
    public IReadOnlyList<NodeRuleSet> RuleSets(string node)
    {
        if (!NodeStates.TryGetValue(node, out var state))
        {
            return [];
        }

        lock (state.Gate)
        {
            return [.. state.Families.Values.Where(f => f.Current is not null).OrderBy(f => f.Family).Select(f => View(state, f))];
        }
    }

    /// <summary>Service ports summed over all nodes and families, by name.</summary>
    public IReadOnlyList<ServicePortTotals> Services() => ServiceTotals().List;

    /// <summary>One service port (<c>ns/svc:port</c>, or <c>ns/svc</c> when unnamed) summed over nodes, or null.</summary>
    public ServicePortTotals? Service(string name)
    {
        // A fresh sum of everything answers at once; otherwise sum only this port rather than all.
        if (Fresh(Interlocked.Read(ref _version), Time.GetUtcNow()) is { } cached)
        {
            return cached.ByName.GetValueOrDefault(name);
        }

        return ServiceTotalsBuilder.Build(this, name).FirstOrDefault();
    }

    /// <summary>
    /// The service ports of the current rule sets with their live connection totals: the same
    /// instance until a node's rule set changes (counter frames do not rebuild it).
    /// </summary>
    public ServicePortIndex ServiceIndex()
    {
        var families = ServiceTotalsBuilder.CurrentFamilies(this);
        if (Volatile.Read(ref _serviceIndex) is { } index && index.IsCurrent(families))
        {
            return index;
        }

        // One build serves everyone who asks at once (the background warm-up, pages, several circuits).
        lock (_indexGate)
        {
            if (Volatile.Read(ref _serviceIndex) is { } built && built.IsCurrent(families))
            {
                return built;
            }

            built = ServiceTotalsBuilder.Index(this, families);
            Volatile.Write(ref _serviceIndex, built);
            return built;
        }
    }

    private ServiceTotalsSnapshot ServiceTotals()
    {
        var version = Interlocked.Read(ref _version);
        var now = Time.GetUtcNow();
        if (Fresh(version, now) is { } cached)
        {
            return cached;
        }

        var list = ServiceTotalsBuilder.Build(this);
        var byName = new Dictionary<string, ServicePortTotals>(list.Count, StringComparer.Ordinal);
        foreach (var totals in list)
        {
            byName.TryAdd(totals.Port.Name, totals);
        }

        var built = new ServiceTotalsSnapshot(version, now, list, byName);
        Volatile.Write(ref _serviceTotals, built);
        return built;
    }

    private ServiceTotalsSnapshot? Fresh(long version, DateTimeOffset now) =>
        Volatile.Read(ref _serviceTotals) is { } cached && cached.Version == version && now - cached.BuiltAt < ServiceTotalsMaxAge ? cached : null;

    private sealed record ServiceTotalsSnapshot(long Version, DateTimeOffset BuiltAt, IReadOnlyList<ServicePortTotals> List, Dictionary<string, ServicePortTotals> ByName);

    /// <summary>
    /// One history with a point for every interval the node's agent reported since
    /// <paramref name="since"/> (zero where nothing was counted), oldest first: downsampled buckets
    /// then full-resolution points.
    /// </summary>
    public IReadOnlyList<SeriesPoint> Series(SeriesKey key, DateTimeOffset since)
    {
        var timeline = Histories.TryGetValue(SeriesKey.Timeline(key.Node, key.Family), out var t) ? t.Points(since) : [];
        if (key.Kind == SeriesKind.Timeline)
        {
            return timeline;
        }

        var counted = Histories.TryGetValue(key, out var h) ? h.Points(since) : [];
        var dense = new SeriesPoint[timeline.Count];
        var j = 0;
        for (var i = 0; i < timeline.Count; i++)
        {
            while (j < counted.Count && counted[j].Timestamp < timeline[i].Timestamp)
            {
                j++;
            }

            dense[i] = j < counted.Count && counted[j].Timestamp == timeline[i].Timestamp
                ? counted[j] with { Interval = timeline[i].Interval }
                : timeline[i];
        }

        return dense;
    }

    /// <summary>Per-endpoint series of one service port over the last <paramref name="window"/>, per node and summed.</summary>
    public IReadOnlyList<EndpointSeries> ServiceSeries(string servicePort, TimeSpan window) =>
        ServiceTotalsBuilder.Series(this, servicePort, Time.GetUtcNow() - window);

    /// <summary>Recent rule-set changes, oldest first (bounded).</summary>
    public IReadOnlyList<RuleSetChange> Changes()
    {
        lock (_gate)
        {
            var changes = new RuleSetChange[_changes.Count];
            for (var i = 0; i < changes.Length; i++)
            {
                changes[i] = _changes[i];
            }

            return changes;
        }
    }

    /// <summary>Calls <paramref name="onChange"/> after every change until the returned handle is disposed.</summary>
    public IDisposable Subscribe(Action<ClusterChange> onChange)
    {
        lock (_gate)
        {
            _subscribers = [.. _subscribers, onChange];
        }

        return new Subscription(this, onChange);
    }

    internal void Publish(ClusterChange change)
    {
        Interlocked.Increment(ref _version);
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            try
            {
                subscriber(change);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // A failing page must not stop the ingestion or the other subscribers.
            }
        }
    }

    internal void RecordChange(RuleSetChange change)
    {
        lock (_gate)
        {
            _changes.Add(change, out _);
        }
    }

    /// <summary>Adds a point to a history (creating it) and queues what the store must write.</summary>
    internal void Record(SeriesKey key, SeriesPoint point)
    {
        var history = Histories.GetOrAdd(key, _ => new CounterHistory(Limits));
        var closed = new List<SeriesPoint>();
        if (history.Add(point, Time.GetUtcNow(), closed) is { } kept)
        {
            Writes.Add(new StoredSample(key, false, kept));
        }

        foreach (var bucket in closed)
        {
            Writes.Add(new StoredSample(key, true, bucket));
        }
    }

    /// <summary>
    /// Moves what left the recent window into buckets for histories that got no point lately (a
    /// silent node, an idle endpoint), and forgets histories with nothing left in the retained span
    /// (endpoints and chains that disappeared), so memory stays bounded by what is current.
    /// </summary>
    internal void Maintain(DateTimeOffset now)
    {
        var forgetBefore = now - (Limits.Bucket * Limits.Buckets);
        foreach (var (key, history) in Histories)
        {
            if (history.Latest is { } latest && latest < forgetBefore)
            {
                Histories.TryRemove(key, out _);
                continue;
            }

            var closed = new List<SeriesPoint>();
            history.Age(now, closed);
            foreach (var bucket in closed)
            {
                Writes.Add(new StoredSample(key, true, bucket));
            }
        }
    }

    internal static NodeRuleSet View(NodeState node, FamilyState family)
    {
        var counters = new Counters[family.Counters.Count];
        for (var i = 0; i < counters.Length; i++)
        {
            counters[i] = family.Counters[i];
        }

        return new NodeRuleSet(node.Name, family.Current!, family.ReceivedAt, family.HasBaseline ? family.CounterTimestamp : null, counters);
    }

    private static NodeStatus Status(NodeState node)
    {
        lock (node.Gate)
        {
            var families = node.Families.Values
                .Where(f => f.Current is not null)
                .OrderBy(f => f.Family)
                .Select(f => new FamilyStatus(f.Family, f.Current!.Hash, f.Current.RuleCount, f.ReceivedAt, f.HasBaseline ? f.CounterTimestamp : null, f.Sequence))
                .ToList();
            return new NodeStatus(
                node.Name, node.Connections > 0, node.FirstSeen, node.LastSeen, node.Backend, node.AgentVersion, families,
                node.Interval, node.ReadTime, node.Hello?.MixedBackends ?? false, node.Hello?.Warning, node.Problem,
                node.LastRuleChange, node.RuleChanges, node.KubeProxy, node.Rejections, node.LastRejection);
        }
    }

    private sealed class Subscription(ClusterState state, Action<ClusterChange> onChange) : IDisposable
    {
        public void Dispose()
        {
            lock (state._gate)
            {
                state._subscribers = [.. state._subscribers.Where(s => s != onChange)];
            }
        }
    }
}
