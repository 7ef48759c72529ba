namespace NetView.Web.ViewModels;

/// <summary>
/// Turns successive readings of monotonically growing counters (nat rule counters are connection
/// totals) into per-second rates, keeping the last <see cref="Capacity"/> rates of each key and at
/// most <see cref="MaxKeys"/> keys: per-circuit memory stays bounded however long a page is open.
/// A counter that goes down (rules reloaded, counters zeroed) restarts its series instead of
/// producing a negative rate.
/// </summary>
public sealed class RateTracker<TKey>
    where TKey : notnull
{
    private readonly Dictionary<TKey, Series> _series = [];

    public RateTracker(int capacity = 300, int maxKeys = 4096)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxKeys, 1);
        Capacity = capacity;
        MaxKeys = maxKeys;
    }

    public int Capacity { get; }
    public int MaxKeys { get; }

    public int Count => _series.Count;

    /// <summary>Records a reading; readings not newer than the previous one for the key are ignored.</summary>
    public void Observe(TKey key, DateTimeOffset at, long total)
    {
        if (!_series.TryGetValue(key, out var series))
        {
            if (_series.Count >= MaxKeys)
            {
                return;
            }

            _series[key] = series = new Series(Capacity);
        }

        series.Observe(at, total);
    }

    /// <summary>The latest rate, or null before two readings.</summary>
    public double? Rate(TKey key) => _series.TryGetValue(key, out var series) && series.Samples.Count > 0 ? series.Samples[^1].PerSecond : null;

    /// <summary>How much the counter grew at the latest reading, or null before two readings.</summary>
    public long? LastDelta(TKey key) => _series.TryGetValue(key, out var series) ? series.LastDelta : null;

    public IReadOnlyList<RateSample> Samples(TKey key) => _series.TryGetValue(key, out var series) ? series.Samples : [];

    /// <summary>Forgets keys not in <paramref name="keep"/>, e.g. endpoints that left the service.</summary>
    public void Retain(IReadOnlySet<TKey> keep)
    {
        foreach (var key in _series.Keys.Where(k => !keep.Contains(k)).ToList())
        {
            _series.Remove(key);
        }
    }

    private sealed class Series(int capacity)
    {
        private readonly List<RateSample> _samples = new(Math.Min(capacity, 64));
        private DateTimeOffset? _at;
        private long _total;

        public IReadOnlyList<RateSample> Samples => _samples;
        public long? LastDelta { get; private set; }

        public void Observe(DateTimeOffset at, long total)
        {
            if (_at is { } previous && at <= previous)
            {
                return;
            }

            if (_at is { } last && total >= _total)
            {
                var delta = total - _total;
                LastDelta = delta;
                if (_samples.Count == capacity)
                {
                    _samples.RemoveAt(0);
                }

                _samples.Add(new RateSample(at, delta / (at - last).TotalSeconds));
            }
            else
            {
                LastDelta = null;
                _samples.Clear();
            }

            _at = at;
            _total = total;
        }
    }
}
