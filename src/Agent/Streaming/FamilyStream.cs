using NetView.Core.Iptables;
using NetView.Core.Wire;

namespace NetView.Agent.Streaming;

/// <summary>
/// One family's side of the stream: two scanners that swap every tick (this tick's and the
/// previous one, so nothing is copied), the current snapshot, and the frame sequence. The rule
/// text is compared byte for byte with the previous tick's, which is far cheaper than hashing
/// it; only a change is hashed, compressed and becomes a new snapshot.
/// </summary>
internal sealed class FamilyStream(IpFamily family)
{
    private SaveCountersScanner _current = new();
    private SaveCountersScanner _previous = new();
    private bool _hasPrevious;
    private bool _keyframeWanted = true;
    private long _sequence;

    public IpFamily Family => family;

    /// <summary>The scanner the next read fills.</summary>
    public SaveCountersScanner Scanner => _current;

    public RuleSetSnapshot? Snapshot { get; private set; }

    /// <summary>The next frame carries absolute values (the server rebuilt its state, e.g. after a reconnection).</summary>
    public void RequestKeyframe() => _keyframeWanted = true;

    /// <summary>
    /// Turns the filled <see cref="Scanner"/> into frames; returns the new snapshot when the rule text
    /// changed, else null.
    /// </summary>
    public RuleSetSnapshot? Complete(string backend, long timestampUnixMilliseconds, int readMilliseconds, int intervalMilliseconds,
        KubeProxyFigures? kubeProxy, List<CounterFrame> frames)
    {
        RuleSetSnapshot? created = null;
        if (!_hasPrevious || Snapshot is null || Snapshot.Backend != backend || !_current.RuleText.SequenceEqual(_previous.RuleText))
        {
            created = SnapshotEncoder.Encode(family, backend, _current.RuleText, SnapshotEncoder.Hash(_current.RuleText), _current.Counters.Count);
            Snapshot = created;
            _keyframeWanted = true;
        }

        var previous = _keyframeWanted ? null : _previous.Counters;
        var encoded = CounterFrameEncoder.Encode(family, Snapshot.Hash, _sequence + 1, timestampUnixMilliseconds,
            previous, _current.Counters, readMilliseconds, intervalMilliseconds, kubeProxy);
        _sequence += encoded.Count;
        frames.AddRange(encoded);
        _keyframeWanted = false;
        (_current, _previous) = (_previous, _current);
        _hasPrevious = true;
        return created;
    }
}
