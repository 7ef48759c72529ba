namespace NetView.Web.Ingestion;

/// <summary>
/// Connections and bytes counted during the interval that ends at <see cref="Timestamp"/>
/// (the agent's clock). For nat rules these are connections: only a connection's first packet
/// traverses the nat table. A downsampled point covers a bucket and starts at its timestamp;
/// <see cref="Interval"/> is then the time actually covered by counter frames inside it.
/// </summary>
public readonly record struct SeriesPoint(DateTimeOffset Timestamp, TimeSpan Interval, long Connections, long Bytes)
{
    /// <summary>Connections per second over the interval; 0 for an empty interval.</summary>
    public double Rate => Interval > TimeSpan.Zero ? Connections / Interval.TotalSeconds : 0;
}
