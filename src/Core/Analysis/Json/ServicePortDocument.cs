using NetView.Core.KubeProxy;

namespace NetView.Core.Analysis.Json;

/// <summary>One service port as <c>analyze --json</c> writes it (docs/CONTRACTS.md <c>servicePorts[]</c>).</summary>
public sealed record ServicePortDocument(
    string Name,
    string Namespace,
    string Service,
    string PortName,
    string Protocol,
    string? ClusterIP,
    int? ClusterPort,
    int? NodePort,
    IReadOnlyList<string> ExternalIPs,
    IReadOnlyList<string> LoadBalancerIPs,
    IReadOnlyList<string> LoadBalancerSourceRanges,
    int? SessionAffinitySeconds,
    string ExternalTrafficPolicy,
    string InternalTrafficPolicy,
    ChainsDocument Chains,
    bool HasEndpoints,
    IReadOnlyList<EndpointDocument> Endpoints,
    int? HealthCheckNodePort,
    bool HasLocalEndpoints)
{
    public static ServicePortDocument From(ServicePort port)
    {
        var endpoints = new EndpointDocument[port.Endpoints.Count];
        for (var i = 0; i < endpoints.Length; i++)
        {
            endpoints[i] = EndpointDocument.From(port.Endpoints[i]);
        }

        return new ServicePortDocument(
            port.Name, port.Namespace, port.Service, port.PortName, port.Protocol,
            port.ClusterIP, port.ClusterPort, port.NodePort,
            port.ExternalIPs, port.LoadBalancerIPs, port.LoadBalancerSourceRanges,
            port.SessionAffinitySeconds,
            port.ExternalTrafficPolicy.ToString(), port.InternalTrafficPolicy.ToString(),
            new ChainsDocument(port.Chains.Svc, port.Chains.Svl, port.Chains.Ext, port.Chains.Fw, port.Chains.Xlb),
            port.HasEndpoints,
            endpoints,
            port.HealthCheckNodePort,
            port.HasLocalEndpoints);
    }
}
