namespace NetView.Web.ViewModels;

/// <summary>
/// The services grid's state: every service port of the source's <see cref="ServiceCatalog"/>
/// with its new connections per second between two refreshes (nat counters count connections).
/// A refresh reads only the connection totals; <see cref="Query"/> builds rows for just the range
/// the grid shows, sorting and filtering only when asked to (name order is the catalog's own).
/// </summary>
public sealed class ServicesView
{
    private ServiceCatalog? _catalog;
    private long?[] _totals = [];
    private double?[] _rates = [];
    private DateTimeOffset? _at;

    /// <summary>All service ports of the source, filtered or not.</summary>
    public int Count => _catalog?.Services.Count ?? 0;

    public void Refresh(IDashboardSource source, DateTimeOffset now)
    {
        var catalog = source.Catalog();
        var services = catalog.Services;
        if (_at is { } last && now <= last)
        {
            // No newer reading to compare with: keep the rates shown (all unknown if the rules changed).
            if (!ReferenceEquals(catalog, _catalog))
            {
                (_catalog, _totals, _rates) = (catalog, Realign(services), new double?[services.Count]);
            }

            return;
        }

        var totals = new long?[services.Count];
        catalog.ReadConnections(totals);
        var previous = ReferenceEquals(catalog, _catalog) ? _totals : Realign(services);
        var seconds = _at is { } at ? (now - at).TotalSeconds : 0;
        var rates = new double?[services.Count];
        for (var i = 0; i < rates.Length; i++)
        {
            // A total that went down (rules reloaded, counters zeroed) starts over instead of a negative rate.
            rates[i] = seconds > 0 && previous[i] is { } before && totals[i] is { } after && after >= before ? (after - before) / seconds : null;
        }

        (_catalog, _totals, _rates, _at) = (catalog, totals, rates, now);
    }

    /// <summary>
    /// The rows <paramref name="start"/>..+<paramref name="count"/> of the service ports that match
    /// the quick <paramref name="filter"/> (<see cref="ServiceFilter"/>) and <paramref name="matches"/>,
    /// ordered by <paramref name="sorts"/> (name order without), and how many match in all.
    /// </summary>
    public (IReadOnlyList<ServiceRow> Rows, int Total) Query(string? filter, IReadOnlyList<ServiceRowSort> sorts, Func<ServiceRow, bool>? matches, int start, int count)
    {
        var services = _catalog?.Services ?? [];
        var positions = Enumerable.Range(0, services.Count);
        if (!string.IsNullOrWhiteSpace(filter))
        {
            positions = positions.Where(i => ServiceFilter.Matches(services[i], filter));
        }

        if (sorts.Count == 0 && matches is null)
        {
            var matching = positions as IReadOnlyCollection<int> ?? [.. positions];
            return ([.. matching.Skip(start).Take(count).Select(Row)], matching.Count);
        }

        var rows = positions.Select(Row);
        if (matches is not null)
        {
            rows = rows.Where(matches);
        }

        IOrderedEnumerable<ServiceRow>? ordered = null;
        foreach (var sort in sorts)
        {
            var comparer = sort.Comparer ?? Comparer<object?>.Default;
            ordered = (ordered, sort.Descending) switch
            {
                (null, false) => rows.OrderBy(sort.Key, comparer),
                (null, true) => rows.OrderByDescending(sort.Key, comparer),
                (_, false) => ordered.ThenBy(sort.Key, comparer),
                (_, true) => ordered.ThenByDescending(sort.Key, comparer),
            };
        }

        var all = (ordered ?? rows).ToList();
        return ([.. all.Skip(start).Take(count)], all.Count);
    }

    private ServiceRow Row(int position) => new(_catalog!.Services[position], _rates[position]);

    /// <summary>The previous totals for a new catalog (rules changed): matched by service port name.</summary>
    private long?[] Realign(IReadOnlyList<ServiceSummary> services)
    {
        var previous = new long?[services.Count];
        if (_catalog is null)
        {
            return previous;
        }

        var byName = new Dictionary<string, long?>(_catalog.Services.Count, StringComparer.Ordinal);
        for (var i = 0; i < _catalog.Services.Count; i++)
        {
            byName.TryAdd(_catalog.Services[i].Name, _totals[i]);
        }

        for (var i = 0; i < services.Count; i++)
        {
            previous[i] = byName.GetValueOrDefault(services[i].Name);
        }

        return previous;
    }
}
