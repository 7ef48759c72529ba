using NetView.Core.Analysis;
using NetView.Web.Kubernetes;

namespace NetView.Web.ViewModels;

/// <summary>
/// Expected shares (from the <c>statistic</c> cascade) beside the observed shares of new
/// connections, and the tracer's chi-square <see cref="SplitVerdict"/> on them in plain words.
/// Endpoints outside the cluster cascade (only in KUBE-SVL) have no expected share and are left out.
/// </summary>
public sealed record SplitView(IReadOnlyList<SplitRow> Rows, SplitVerdict? Verdict, string ObservedOver)
{
    public static readonly SplitView Empty = new([], null, "");

    /// <param name="observed">Connections per endpoint address over the window; null to fall back to the lifetime counters.</param>
    /// <param name="observedOver">How the observation window reads, e.g. "the last 60 s".</param>
    /// <param name="podOf">The pod behind an endpoint address, when known.</param>
    public static SplitView Of(ServiceSummary service, IReadOnlyDictionary<string, long>? observed, string observedOver, Func<string, PodEndpoint?>? podOf = null)
    {
        var rows = new List<SplitRow>();
        foreach (var endpoint in service.Endpoints)
        {
            if (endpoint.Share is not { } share)
            {
                continue;
            }

            var count = observed is null ? endpoint.Connections : observed.GetValueOrDefault(endpoint.Address);
            rows.Add(new SplitRow(endpoint.Address, share, count ?? 0, null) { Pod = podOf?.Invoke(endpoint.Address) });
        }

        var total = rows.Sum(r => r.Observed);
        rows = rows.ConvertAll(r => r with { ObservedShare = total > 0 ? (double)r.Observed / total : null });
        var hasCounters = observed is not null || service.Endpoints.Any(e => e.Share is not null && e.Connections is not null);
        var verdict = rows.Count >= 2 && hasCounters
            ? SplitVerdict.Judge(
                rows.ConvertAll(r => r.Observed),
                rows.ConvertAll(r => r.Expected),
                new SplitConditions(service.AffinitySeconds, service.ExternalTrafficPolicy == "Local" || service.InternalTrafficPolicy == "Local"))
            : null;
        return new SplitView(rows, verdict, observedOver);
    }
}
