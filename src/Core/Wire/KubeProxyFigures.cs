using System.Runtime.Serialization;

namespace NetView.Core.Wire;

/// <summary>
/// What kube-proxy says about its own syncs on <c>:10249/metrics</c>
/// (<c>kubeproxy_sync_proxy_rules_*</c>, <c>kubeproxy_network_programming_duration_seconds</c>).
/// Histograms travel as sum and count; labelled series are summed over their labels, except the
/// rule counts per table. A figure kube-proxy did not expose is null.
/// </summary>
[DataContract]
public sealed record KubeProxyFigures
{
    [DataMember(Order = 0)] public double? SyncDurationSecondsSum { get; init; }
    [DataMember(Order = 1)] public double? SyncDurationSecondsCount { get; init; }

    /// <summary>Unix seconds of the last successful sync (<c>kubeproxy_sync_proxy_rules_last_timestamp_seconds</c>).</summary>
    [DataMember(Order = 2)] public double? LastSyncTimestampSeconds { get; init; }

    [DataMember(Order = 3)] public double? LastQueuedTimestampSeconds { get; init; }
    [DataMember(Order = 4)] public double? EndpointChangesPending { get; init; }
    [DataMember(Order = 5)] public double? EndpointChangesTotal { get; init; }
    [DataMember(Order = 6)] public double? ServiceChangesPending { get; init; }
    [DataMember(Order = 7)] public double? ServiceChangesTotal { get; init; }

    /// <summary><c>kubeproxy_sync_proxy_rules_no_local_endpoints_total</c>, summed over traffic policies.</summary>
    [DataMember(Order = 8)] public double? NoLocalEndpointsTotal { get; init; }

    [DataMember(Order = 9)] public double? RestoreFailuresTotal { get; init; }
    [DataMember(Order = 10)] public double? PartialRestoreFailuresTotal { get; init; }

    /// <summary><c>kubeproxy_sync_proxy_rules_iptables_total{table="nat"}</c>: rules kube-proxy believes it wrote.</summary>
    [DataMember(Order = 11)] public double? NatRules { get; init; }

    [DataMember(Order = 12)] public double? FilterRules { get; init; }
    [DataMember(Order = 13)] public double? NetworkProgrammingSecondsSum { get; init; }
    [DataMember(Order = 14)] public double? NetworkProgrammingSecondsCount { get; init; }
}
