using NetView.Core.KubeProxy;

namespace NetView.Core.Analysis.Findings;

/// <summary>
/// A service port with endpoints whose ClusterIP no traced packet reaches: no rule in nat
/// KUBE-SERVICES sends it to the service's chain (a missing or wrong entry, a node whose rules lag).
/// Rejections for want of endpoints and rules that shadow the service are reported by their own checks.
/// </summary>
public static class ServiceUnreachableCheck
{
    internal static void Run(IReadOnlyList<ServicePort> servicePorts, ServicePortProbe probe, FindingSink sink)
    {
        foreach (var port in servicePorts.Where(p => p.HasEndpoints && p.Endpoints.Count > 0).Take(ServicePortProbe.MaxServicePorts))
        {
            if (probe.FromPod(port) is not { } trace)
            {
                continue;
            }

            var endpoints = port.Endpoints.Select(e => e.Address).ToHashSet(StringComparer.Ordinal);
            // Reached means kube-proxy's DNAT to an endpoint happened; what filter does afterwards
            // (a FORWARD policy, say) depends on the node's addresses, which a dump does not hold.
            var reached = trace.Outcomes
                .Where(o => (o.Destination is { } d && endpoints.Contains(d))
                    || o.Rules.Any(r => r.TargetName == "DNAT" && r.Target.Option("--to-destination")?.Value is { } to && endpoints.Contains(to)))
                .Sum(o => o.Probability);
            if (reached > 0 || trace.Outcomes.Any(o => ShadowedServiceCheck.Culprit(o, probe.RuleSet) is not null))
            {
                continue;
            }

            var where = string.Join(", ", trace.Outcomes.Select(o => $"{o.Verdict}{(o.Destination is { } d ? " to " + d : "")}").Distinct());
            var evidence = port.Rules
                .Where(r => r.Chain == KubeChains.Services || r.Destination?.Value.StartsWith(port.ClusterIP + "/", StringComparison.Ordinal) == true)
                .Take(5)
                .Select(Evidence.Of)
                .ToList();
            sink.Add(new Finding(FindingCodes.ServiceUnreachable, FindingSeverity.Error, port.Name,
                $"{port.Name} has {port.Endpoints.Count} endpoint(s), but a connection from a pod to {port.ClusterIP}:{port.ClusterPort}/{port.Protocol} reaches none of them ({where}): no rule in nat {KubeChains.Services} sends it to the service's chain.",
                evidence,
                $"netview-agent trace FILE --src <pod IP> --dst {port.ClusterIP} --dport {port.ClusterPort} --proto {port.Protocol} --from pod; compare with another node's rules (netview-agent diff)."));
        }
    }
}
