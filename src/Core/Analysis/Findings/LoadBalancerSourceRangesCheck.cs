using NetView.Core.Analysis.Tracing;
using NetView.Core.KubeProxy;

namespace NetView.Core.Analysis.Findings;

/// <summary>
/// Load-balancer source ranges: only clients in them reach the service through its load-balancer
/// IP; everyone else is dropped. The answer to "not accessible from here" when the client is outside
/// the ranges. Decided by tracing a client outside every range to the load-balancer IP.
/// </summary>
public static class LoadBalancerSourceRangesCheck
{
    internal static void Run(IReadOnlyList<ServicePort> servicePorts, ServicePortProbe probe, FindingSink sink)
    {
        foreach (var port in servicePorts.Where(p => p.LoadBalancerSourceRanges.Count > 0 && p.LoadBalancerIPs.Count > 0).Take(ServicePortProbe.MaxServicePorts))
        {
            if (probe.FromOutsideRanges(port) is not { } trace)
            {
                continue;
            }

            var dropped = trace.Outcomes.Where(o => o.Verdict is Verdicts.Drop or Verdicts.Reject).ToList();
            if (dropped.Count == 0)
            {
                continue;
            }

            var ranges = string.Join(", ", port.LoadBalancerSourceRanges);
            sink.Add(new Finding(FindingCodes.LoadBalancerSourceRanges, FindingSeverity.Info, port.Name,
                $"{port.Name} admits only clients in {ranges} through its load-balancer IP {port.LoadBalancerIPs[0]}; a client outside them ({probe.ExternalClient}) is dropped.",
                dropped.Where(o => o.Rules.Count > 0).Select(o => Evidence.Of(o.Rules[^1])).DistinctBy(e => e.Rule).ToList(),
                $"If a client is refused, check that its address (as the load balancer presents it) lies in loadBalancerSourceRanges of {port.Namespace}/{port.Service}."));
        }
    }
}
