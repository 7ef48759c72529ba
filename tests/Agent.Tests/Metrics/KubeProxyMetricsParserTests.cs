using NetView.Agent.Metrics;

namespace NetView.Agent.Tests.Metrics;

public sealed class KubeProxyMetricsParserTests
{
    private const string Exposition = """
        # HELP kubeproxy_sync_proxy_rules_duration_seconds [ALPHA] SyncProxyRules latency in seconds
        # TYPE kubeproxy_sync_proxy_rules_duration_seconds histogram
        kubeproxy_sync_proxy_rules_duration_seconds_bucket{le="0.001"} 0
        kubeproxy_sync_proxy_rules_duration_seconds_bucket{le="+Inf"} 57
        kubeproxy_sync_proxy_rules_duration_seconds_sum 1.9543211
        kubeproxy_sync_proxy_rules_duration_seconds_count 57
        kubeproxy_sync_proxy_rules_endpoint_changes_pending 0
        kubeproxy_sync_proxy_rules_endpoint_changes_total 112
        kubeproxy_sync_proxy_rules_iptables_partial_restore_failures_total 0
        kubeproxy_sync_proxy_rules_iptables_restore_failures_total 1
        kubeproxy_sync_proxy_rules_iptables_total{table="filter"} 9
        kubeproxy_sync_proxy_rules_iptables_total{table="nat"} 124
        kubeproxy_sync_proxy_rules_last_queued_timestamp_seconds 1.7642061e+09
        kubeproxy_sync_proxy_rules_last_timestamp_seconds 1.764206123456e+09
        kubeproxy_sync_proxy_rules_no_local_endpoints_total{traffic_policy="external"} 2
        kubeproxy_sync_proxy_rules_no_local_endpoints_total{traffic_policy="internal"} 1
        kubeproxy_sync_proxy_rules_service_changes_pending 3
        kubeproxy_sync_proxy_rules_service_changes_total 40
        kubeproxy_network_programming_duration_seconds_bucket{le="0.25"} 10
        kubeproxy_network_programming_duration_seconds_sum 18.25
        kubeproxy_network_programming_duration_seconds_count 30
        process_cpu_seconds_total 12.1
        rest_client_requests_total{code="200",host="10.0.0.1:6443",method="GET"} 801
        """;

    [Fact]
    public void Parse_KubeProxyExposition_FiguresSummedOverLabels()
    {
        var figures = KubeProxyMetricsParser.Parse(Exposition);

        Assert.NotNull(figures);
        Assert.Equal(1.9543211, figures.SyncDurationSecondsSum);
        Assert.Equal(57, figures.SyncDurationSecondsCount);
        Assert.Equal(1.764206123456e+09, figures.LastSyncTimestampSeconds);
        Assert.Equal(1.7642061e+09, figures.LastQueuedTimestampSeconds);
        Assert.Equal(112, figures.EndpointChangesTotal);
        Assert.Equal(3, figures.ServiceChangesPending);
        Assert.Equal(3, figures.NoLocalEndpointsTotal);
        Assert.Equal(1, figures.RestoreFailuresTotal);
        Assert.Equal(0, figures.PartialRestoreFailuresTotal);
        Assert.Equal(124, figures.NatRules);
        Assert.Equal(9, figures.FilterRules);
        Assert.Equal(18.25, figures.NetworkProgrammingSecondsSum);
        Assert.Equal(30, figures.NetworkProgrammingSecondsCount);
    }

    [Fact]
    public void Parse_OtherExporter_Null()
    {
        Assert.Null(KubeProxyMetricsParser.Parse("process_cpu_seconds_total 12.1\ngo_goroutines 40\n"));
    }

    [Fact]
    public void Parse_GarbledLines_Skipped()
    {
        var figures = KubeProxyMetricsParser.Parse("kubeproxy_sync_proxy_rules_iptables_total{table=\"nat\" 5\nkubeproxy_sync_proxy_rules_service_changes_total lots\nkubeproxy_sync_proxy_rules_endpoint_changes_total 4\n");

        Assert.NotNull(figures);
        Assert.Null(figures.NatRules);
        Assert.Null(figures.ServiceChangesTotal);
        Assert.Equal(4, figures.EndpointChangesTotal);
    }
}
