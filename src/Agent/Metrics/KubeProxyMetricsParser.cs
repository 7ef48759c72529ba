using System.Globalization;
using NetView.Core.Wire;

namespace NetView.Agent.Metrics;

/// <summary>
/// Picks kube-proxy's sync figures out of its Prometheus text exposition. Only the lines of
/// interest are looked at; labelled series are summed (the rule counts are kept per table).
/// </summary>
internal static class KubeProxyMetricsParser
{
    private const string Sync = "kubeproxy_sync_proxy_rules_";
    private const string Programming = "kubeproxy_network_programming_duration_seconds";

    /// <summary>The figures, or null when the text has none of kube-proxy's series.</summary>
    public static KubeProxyFigures? Parse(string text)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            var line = raw.Trim();
            if (line.IsEmpty || line[0] == '#' || !(line.StartsWith(Sync) || line.StartsWith(Programming)))
            {
                continue;
            }

            var nameEnd = line.IndexOfAny('{', ' ');
            if (nameEnd < 0)
            {
                continue;
            }

            var name = line[..nameEnd].ToString();
            var rest = line[nameEnd..];
            if (rest[0] == '{')
            {
                var close = rest.IndexOf('}');
                if (close < 0)
                {
                    continue;
                }

                var labels = rest[1..close];
                if (name == Sync + "iptables_total")
                {
                    name += labels.Contains("table=\"nat\"", StringComparison.Ordinal) ? ":nat"
                        : labels.Contains("table=\"filter\"", StringComparison.Ordinal) ? ":filter" : ":other";
                }

                rest = rest[(close + 1)..];
            }

            rest = rest.TrimStart();
            var valueEnd = rest.IndexOf(' ');
            var valueText = valueEnd < 0 ? rest : rest[..valueEnd];
            if (!double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            values[name] = values.GetValueOrDefault(name) + value;
        }

        if (values.Count == 0)
        {
            return null;
        }

        double? Get(string name) => values.TryGetValue(name, out var value) ? value : null;
        return new KubeProxyFigures
        {
            SyncDurationSecondsSum = Get(Sync + "duration_seconds_sum"),
            SyncDurationSecondsCount = Get(Sync + "duration_seconds_count"),
            LastSyncTimestampSeconds = Get(Sync + "last_timestamp_seconds"),
            LastQueuedTimestampSeconds = Get(Sync + "last_queued_timestamp_seconds"),
            EndpointChangesPending = Get(Sync + "endpoint_changes_pending"),
            EndpointChangesTotal = Get(Sync + "endpoint_changes_total"),
            ServiceChangesPending = Get(Sync + "service_changes_pending"),
            ServiceChangesTotal = Get(Sync + "service_changes_total"),
            NoLocalEndpointsTotal = Get(Sync + "no_local_endpoints_total"),
            RestoreFailuresTotal = Get(Sync + "iptables_restore_failures_total"),
            PartialRestoreFailuresTotal = Get(Sync + "iptables_partial_restore_failures_total"),
            NatRules = Get(Sync + "iptables_total:nat"),
            FilterRules = Get(Sync + "iptables_total:filter"),
            NetworkProgrammingSecondsSum = Get(Programming + "_sum"),
            NetworkProgrammingSecondsCount = Get(Programming + "_count"),
        };
    }
}
