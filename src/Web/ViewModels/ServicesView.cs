namespace NetView.Web.ViewModels;

/// <summary>
/// The services grid's rows: every service port of the source with its new connections per second,
/// computed from successive connection totals (nat counters count connections).
/// </summary>
public sealed class ServicesView
{
    private readonly RateTracker<string> _rates = new(capacity: 2, maxKeys: 200_000);

    public IReadOnlyList<ServiceRow> Rows { get; private set; } = [];

    public void Refresh(IDashboardSource source, DateTimeOffset now)
    {
        var services = source.Services();
        var rows = new ServiceRow[services.Count];
        for (var i = 0; i < services.Count; i++)
        {
            var service = services[i];
            if (service.Connections is { } connections)
            {
                _rates.Observe(service.Name, now, connections);
            }

            rows[i] = new ServiceRow(service, _rates.Rate(service.Name));
        }

        Rows = rows;
    }
}
