namespace NetView.Web.Ingestion;

/// <summary>
/// One bounded counter history: recent points at full resolution in a ring, older ones summed
/// into fixed buckets in a second ring. Points must arrive in time order (the ingestion drops
/// frames whose sequence goes backwards). Only non-zero points are kept for endpoint and chain
/// series; which intervals were covered at all is a separate history per node and family (the
/// timeline), so that an idle endpoint costs nothing. Thread-safe.
/// </summary>
internal sealed class CounterHistory
{
    private readonly Lock _gate = new();
    private readonly HistoryLimits _limits;
    private readonly RingBuffer<SeriesPoint> _recent;
    private readonly RingBuffer<SeriesPoint> _buckets;

    public CounterHistory(HistoryLimits limits)
    {
        _limits = limits;
        _recent = new RingBuffer<SeriesPoint>(limits.RecentSamples);
        _buckets = new RingBuffer<SeriesPoint>(limits.Buckets);
    }

    public DateTimeOffset? Latest { get; private set; }

    /// <summary>
    /// Adds a point and moves what fell out of the recent window (relative to <paramref name="now"/>)
    /// into buckets. A point at the time of the latest one adds to it (a tick the agent split into
    /// several frames); an older one is ignored. Returns the point as kept, or null when ignored.
    /// Buckets completed by this call are appended to <paramref name="closedBuckets"/> so the
    /// caller can persist them.
    /// </summary>
    public SeriesPoint? Add(SeriesPoint point, DateTimeOffset now, List<SeriesPoint>? closedBuckets = null)
    {
        lock (_gate)
        {
            if (Latest is { } latest && point.Timestamp <= latest)
            {
                if (point.Timestamp < latest || _recent.Count == 0)
                {
                    return null;
                }

                var last = _recent[_recent.Count - 1];
                var merged = last with { Connections = last.Connections + point.Connections, Bytes = last.Bytes + point.Bytes };
                _recent[_recent.Count - 1] = merged;
                return merged;
            }

            Latest = point.Timestamp;
            if (_recent.Add(point, out var dropped))
            {
                Downsample(dropped, closedBuckets);
            }

            Age(now, closedBuckets);
            return point;
        }
    }

    /// <summary>Moves points older than the recent window into buckets, e.g. on a timer while a node is silent.</summary>
    public void Age(DateTimeOffset now, List<SeriesPoint>? closedBuckets = null)
    {
        lock (_gate)
        {
            var cutoff = now - _limits.RecentWindow;
            while (_recent.Count > 0 && _recent[0].Timestamp < cutoff)
            {
                Downsample(_recent.RemoveFirst(), closedBuckets);
            }
        }
    }

    /// <summary>The newest bucket, still open to points leaving the recent window; null when there is none.</summary>
    public SeriesPoint? OpenBucket
    {
        get
        {
            lock (_gate)
            {
                return _buckets.Count > 0 ? _buckets[_buckets.Count - 1] : null;
            }
        }
    }

    /// <summary>Downsampled buckets then recent points, oldest first, from <paramref name="since"/> on.</summary>
    public IReadOnlyList<SeriesPoint> Points(DateTimeOffset since)
    {
        lock (_gate)
        {
            var points = new List<SeriesPoint>();
            for (var i = 0; i < _buckets.Count; i++)
            {
                if (_buckets[i].Timestamp + _limits.Bucket > since)
                {
                    points.Add(_buckets[i]);
                }
            }

            for (var i = 0; i < _recent.Count; i++)
            {
                if (_recent[i].Timestamp >= since)
                {
                    points.Add(_recent[i]);
                }
            }

            return points;
        }
    }

    /// <summary>Full-resolution points only (what a restart must not lose).</summary>
    public IReadOnlyList<SeriesPoint> RecentPoints()
    {
        lock (_gate)
        {
            var points = new SeriesPoint[_recent.Count];
            for (var i = 0; i < points.Length; i++)
            {
                points[i] = _recent[i];
            }

            return points;
        }
    }

    /// <summary>Refills the history from the store after a restart: buckets first, then recent points.</summary>
    public void Restore(IEnumerable<SeriesPoint> buckets, IEnumerable<SeriesPoint> recent, DateTimeOffset now)
    {
        lock (_gate)
        {
            foreach (var bucket in buckets.OrderBy(b => b.Timestamp))
            {
                _buckets.Add(bucket, out _);
            }

            var restoredUntil = _buckets.Count > 0 ? _buckets[_buckets.Count - 1].Timestamp + _limits.Bucket : DateTimeOffset.MinValue;
            foreach (var point in recent.OrderBy(p => p.Timestamp))
            {
                // A point already summed into a persisted bucket must not be counted twice.
                if (point.Timestamp >= restoredUntil && (Latest is null || point.Timestamp > Latest))
                {
                    Latest = point.Timestamp;
                    _recent.Add(point, out _);
                }
            }

            Age(now);
        }
    }

    private void Downsample(SeriesPoint point, List<SeriesPoint>? closedBuckets)
    {
        var width = _limits.Bucket.Ticks;
        var start = new DateTimeOffset(point.Timestamp.UtcTicks / width * width, TimeSpan.Zero);
        if (_buckets.Count > 0)
        {
            var last = _buckets[_buckets.Count - 1];
            if (last.Timestamp == start)
            {
                _buckets[_buckets.Count - 1] = last with
                {
                    Interval = last.Interval + point.Interval,
                    Connections = last.Connections + point.Connections,
                    Bytes = last.Bytes + point.Bytes,
                };
                return;
            }

            if (last.Timestamp > start)
            {
                // Older than a bucket already closed (a restored history): too late to count.
                return;
            }

            closedBuckets?.Add(last);
        }

        _buckets.Add(point with { Timestamp = start }, out _);
    }
}
