namespace NetView.Web.Storage;

/// <summary>
/// One point of a counter series: connections (and bytes) counted during the interval that
/// ends at <see cref="TimestampMs"/>. <see cref="Resolution"/> 0 is a full-resolution sample,
/// otherwise the width of the downsampled bucket in seconds.
/// </summary>
internal sealed class SampleRecord
{
    public long Id { get; set; }
    public required string Node { get; set; }
    public int Family { get; set; }
    public int Kind { get; set; }
    public required string Subject { get; set; }
    public int Resolution { get; set; }
    public long TimestampMs { get; set; }
    public long IntervalMs { get; set; }
    public long Connections { get; set; }
    public long Bytes { get; set; }
}
