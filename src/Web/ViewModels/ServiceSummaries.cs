using NetView.Core.Analysis;
using NetView.Core.KubeProxy;

namespace NetView.Web.ViewModels;

/// <summary>Turns the analyzer's service ports and findings into what the pages show.</summary>
public static class ServiceSummaries
{
    /// <summary>One node's service port; endpoint connections are its DNAT counters.</summary>
    public static ServiceSummary From(ServicePort port, IReadOnlyList<string> nodes, IReadOnlyList<EndpointSummary>? endpoints = null)
    {
        endpoints ??= [.. port.Endpoints.Select(e => new EndpointSummary(e.Address, e.Chain, e.Probability, e.LocalProbability, e.Connections))];
        return new ServiceSummary
        {
            Name = port.Name,
            Namespace = port.Namespace,
            Service = port.Service,
            PortName = port.PortName,
            Protocol = port.Protocol,
            ClusterIP = port.ClusterIP,
            ClusterPort = port.ClusterPort,
            NodePort = port.NodePort,
            LoadBalancerIPs = port.LoadBalancerIPs,
            ExternalIPs = port.ExternalIPs,
            LoadBalancerSourceRanges = port.LoadBalancerSourceRanges,
            AffinitySeconds = port.SessionAffinitySeconds,
            ExternalTrafficPolicy = port.ExternalTrafficPolicy.ToString(),
            InternalTrafficPolicy = port.InternalTrafficPolicy.ToString(),
            HasEndpoints = port.HasEndpoints,
            Chains = [.. new[] { port.Chains.Svc, port.Chains.Svl, port.Chains.Ext, port.Chains.Fw, port.Chains.Xlb }.OfType<string>()],
            Endpoints = endpoints,
            Nodes = nodes,
            Connections = endpoints.Any(e => e.Connections is not null) ? endpoints.Sum(e => e.Connections ?? 0) : null,
        };
    }

    /// <summary>
    /// Where a finding points: the service page when its subject is a service port of the analysis,
    /// else the node page at the chain of its first evidence (or of its subject, "table/CHAIN").
    /// </summary>
    public static FindingView From(Finding finding, KubeProxyAnalysis analysis, string node, string? importId)
    {
        var port = analysis.ServicePorts.FirstOrDefault(p => p.Name == finding.Subject);
        string href;
        if (port is not null)
        {
            href = Links.Service(port.Namespace, port.Service, port.PortName, importId);
        }
        else
        {
            var reference = finding.Evidence.Count > 0 ? finding.Evidence[0].Rule : finding.Subject;
            var slash = reference.IndexOf('/', StringComparison.Ordinal);
            var hash = reference.IndexOf('#', StringComparison.Ordinal);
            href = slash > 0
                ? Links.Node(node, importId, reference[..slash], hash > slash ? reference[(slash + 1)..hash] : reference[(slash + 1)..])
                : Links.Node(node, importId);
        }

        return new FindingView(finding.Code, finding.Severity.ToString().ToLowerInvariant(), finding.Subject, finding.Message, finding.NextStep, node, href);
    }

    /// <summary>Every finding of these analyses, most severe first, then by code and subject.</summary>
    public static IReadOnlyList<FindingView> Findings(IEnumerable<(string Node, KubeProxyAnalysis Analysis)> analyses, string? importId) =>
        [.. analyses
            .SelectMany(a => a.Analysis.Findings.Select(f => (Finding: f, View: From(f, a.Analysis, a.Node, importId))))
            .OrderByDescending(f => f.Finding.Severity)
            .ThenBy(f => f.Finding.Code, StringComparer.Ordinal)
            .ThenBy(f => f.Finding.Subject, StringComparer.Ordinal)
            .Select(f => f.View)];
}
