using System.Globalization;
using NetView.Core.Analysis.Tracing;
using NetView.Core.Iptables;
using NetView.Core.KubeProxy;

namespace NetView.Core.Analysis.Findings;

/// <summary>
/// Which paths to a service port masquerade (KUBE-MARK-MASQ reaching MASQUERADE in
/// POSTROUTING), so that endpoints see a node's address instead of the client's, and which
/// externalTrafficPolicy the rules implement. Decided by tracing from outside to every external
/// entry and from a pod to the ClusterIP.
/// </summary>
public static class SourceNotPreservedCheck
{
    internal static void Run(IReadOnlyList<ServicePort> servicePorts, ServicePortProbe probe, FindingSink sink)
    {
        foreach (var port in servicePorts.Where(p => p.HasEndpoints && p.Endpoints.Count > 0).Take(ServicePortProbe.MaxServicePorts))
        {
            var paths = new List<string>();
            var evidence = new List<Evidence>();
            foreach (var (entry, result) in probe.FromOutside(port))
            {
                Collect($"from outside through {entry}", result, paths, evidence);
            }

            if (probe.FromPod(port) is { } pod)
            {
                Collect($"from pods to {port.ClusterIP}:{port.ClusterPort} (kube-proxy's --masquerade-all, or no --cluster-cidr)", pod, paths, evidence);
            }

            if (paths.Count == 0)
            {
                continue;
            }

            var policy = port.ExternalTrafficPolicy == TrafficPolicy.Cluster
                ? "The rules implement externalTrafficPolicy: Cluster (KUBE-EXT marks all external traffic for masquerade, so it may go to endpoints on other nodes)."
                : "The rules implement externalTrafficPolicy: Local, yet this path masquerades.";
            sink.Add(new Finding(FindingCodes.SourceNotPreserved, FindingSeverity.Info, port.Name,
                $"{port.Name}: connections {string.Join("; ", paths)} are masqueraded: endpoints see a node's address, not the client's. {policy}",
                evidence.DistinctBy(e => e.Rule).Take(8).ToList(),
                port.ExternalTrafficPolicy == TrafficPolicy.Cluster
                    ? $"To keep client addresses set externalTrafficPolicy: Local on {port.Namespace}/{port.Service} (traffic then only reaches nodes with endpoints), or carry the client address in the protocol (PROXY protocol, X-Forwarded-For)."
                    : "Look at the KUBE-MARK-MASQ jumps on the path (evidence) and at kube-proxy's --masquerade-all and --cluster-cidr settings."));
        }
    }

    private static void Collect(string what, TraceResult result, List<string> paths, List<Evidence> evidence)
    {
        // Only kube-proxy's own masquerade (its mark reaching KUBE-POSTROUTING); a CNI's
        // masquerade of traffic leaving the pod network is the CNI's business.
        var masqueraded = result.Outcomes.Where(o => o.Masquerade && o.Destination is not null && o.Rules.Any(r => r.TargetName == "KUBE-MARK-MASQ")).ToList();
        var delivered = result.Outcomes.Where(o => o.Destination is not null).Sum(o => o.Probability);
        if (masqueraded.Count == 0 || delivered <= 0)
        {
            return;
        }

        var share = masqueraded.Sum(o => o.Probability) / delivered;
        paths.Add($"{what} ({(share * 100).ToString("0.#", CultureInfo.InvariantCulture)}% of them)");
        foreach (var rule in masqueraded.SelectMany(o => o.Rules).Where(IsMasqueradeStep))
        {
            evidence.Add(Evidence.Of(rule));
        }
    }

    private static bool IsMasqueradeStep(Rule rule) => rule.TargetName is "KUBE-MARK-MASQ" or "MASQUERADE" or "SNAT";
}
