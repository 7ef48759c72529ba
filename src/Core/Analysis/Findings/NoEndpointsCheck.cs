using NetView.Core.KubeProxy;

namespace NetView.Core.Analysis.Findings;

/// <summary>
/// Service ports kube-proxy rejects ("has no endpoints") or drops for want of a local endpoint
/// ("has no local endpoints"): the first thing to see when a Service is not reachable.
/// </summary>
public static class NoEndpointsCheck
{
    internal static void Run(IReadOnlyList<ServicePort> servicePorts, FindingSink sink)
    {
        foreach (var port in servicePorts)
        {
            if (!port.HasEndpoints)
            {
                sink.Add(new Finding(FindingCodes.NoEndpoints, FindingSeverity.Warning, port.Name,
                    $"{port.Name} ({Describe(port)}) has no endpoints: kube-proxy rejects its connections.",
                    EvidenceOf(port, "has no endpoints"),
                    $"kubectl -n {port.Namespace} get endpointslices -l kubernetes.io/service-name={port.Service}"));
            }
            else if (!port.HasLocalEndpoints)
            {
                sink.Add(new Finding(FindingCodes.NoLocalEndpoints, FindingSeverity.Info, port.Name,
                    $"{port.Name} ({Describe(port)}) has a Local traffic policy and no endpoint on this node: kube-proxy drops that traffic here.",
                    EvidenceOf(port, "has no local endpoints"),
                    $"kubectl -n {port.Namespace} get pods -o wide (which nodes run the endpoints?)"));
            }
        }
    }

    private static string Describe(ServicePort port) =>
        port.ClusterIP is null ? port.Protocol : $"{port.ClusterIP}:{port.ClusterPort}/{port.Protocol}";

    private static List<Evidence> EvidenceOf(ServicePort port, string commentEnd)
    {
        var evidence = new List<Evidence>();
        foreach (var rule in port.Rules)
        {
            if (rule.Comment?.EndsWith(commentEnd, StringComparison.Ordinal) == true)
            {
                evidence.Add(Evidence.Of(rule));
            }
        }

        return evidence;
    }
}
