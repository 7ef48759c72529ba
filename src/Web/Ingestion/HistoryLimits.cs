namespace NetView.Web.Ingestion;

/// <summary>The bounds of every counter history: how much full resolution, how much downsampled.</summary>
internal sealed record HistoryLimits(TimeSpan RecentWindow, int RecentSamples, TimeSpan Bucket, int Buckets)
{
    public static readonly HistoryLimits Default = new(TimeSpan.FromMinutes(15), 1800, TimeSpan.FromMinutes(1), 1440);
}
