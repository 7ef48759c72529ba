namespace NetView.Web.ViewModels;

/// <summary>
/// What the services grid lists: every service port of a source in name order, the same instance
/// until the source's rules change, and the connection totals of all of them read in one pass.
/// The grid re-reads the totals every second; it rebuilds nothing else while only counters move.
/// </summary>
public sealed class ServiceCatalog
{
    private readonly Action<long?[]>? _readConnections;

    /// <param name="readConnections">Writes the current totals aligned with <paramref name="services"/>; without it, the summaries' own totals (a source that never changes).</param>
    public ServiceCatalog(IReadOnlyList<ServiceSummary> services, Action<long?[]>? readConnections = null)
    {
        Services = services;
        _readConnections = readConnections;
    }

    public IReadOnlyList<ServiceSummary> Services { get; }

    /// <summary>Writes each service port's connections as counted now into <paramref name="into"/>, aligned with <see cref="Services"/>.</summary>
    public void ReadConnections(long?[] into)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(into.Length, Services.Count);
        if (_readConnections is not null)
        {
            _readConnections(into);
            return;
        }

        for (var i = 0; i < Services.Count; i++)
        {
            into[i] = Services[i].Connections;
        }
    }
}
