using NetView.Web.Ingestion;

namespace NetView.Web.Storage;

/// <summary>A point of a history as the store keeps it: full resolution, or a downsampled bucket.</summary>
internal readonly record struct StoredSample(SeriesKey Key, bool Downsampled, SeriesPoint Point);
