using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace NetView.Web.Ingestion;

/// <summary>
/// Counts frames taken and refused, by frame kind and reason category, both as
/// System.Diagnostics.Metrics instruments (meter <c>NetView.Ingestion</c>) and as in-process
/// totals that the API and tests can read.
/// </summary>
internal sealed class IngestionMetrics : IDisposable
{
    public const string MeterName = "NetView.Ingestion";

    private readonly Meter _meter;
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _rejected;
    private readonly ConcurrentDictionary<string, long> _totals = new(StringComparer.Ordinal);

    public IngestionMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _accepted = _meter.CreateCounter<long>("netview.ingestion.frames.accepted", description: "Frames applied, by kind.");
        _rejected = _meter.CreateCounter<long>("netview.ingestion.frames.rejected", description: "Frames refused or ignored, by kind and outcome.");
    }

    public void Accepted(string kind)
    {
        _accepted.Add(1, new KeyValuePair<string, object?>("kind", kind));
        _totals.AddOrUpdate($"accepted/{kind}", 1, (_, n) => n + 1);
    }

    public void NotApplied(string kind, IngestOutcome outcome)
    {
        _rejected.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", outcome.ToString()));
        _totals.AddOrUpdate($"{outcome.ToString().ToLowerInvariant()}/{kind}", 1, (_, n) => n + 1);
    }

    /// <summary>Totals by <c>outcome/kind</c>, e.g. <c>rejected/counters</c>.</summary>
    public long Total(string key) => _totals.GetValueOrDefault(key);

    public IReadOnlyDictionary<string, long> Totals => new Dictionary<string, long>(_totals);

    public void Dispose() => _meter.Dispose();
}
