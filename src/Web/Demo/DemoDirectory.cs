using System.Security.Cryptography;
using System.Text;
using k8s.Models;
using NetView.Core.Iptables;
using NetView.Core.KubeProxy.Simulation;
using NetView.Web.Kubernetes;

namespace NetView.Web.Demo;

/// <summary>
/// What the Kubernetes API would say about the demo cluster: its Services and one EndpointSlice per
/// service, with simulated pods named as a Deployment names them ("demo-" + service, a stable
/// pod-template hash, an index), so the demo's endpoint boxes name their pods too. Fed into
/// <see cref="ClusterDirectory"/> only when no real API is configured.
/// </summary>
public static class DemoDirectory
{
    // kube's SafeEncodeString alphabet: no vowels, so hashes never spell words.
    private const string HashAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static void Fill(ClusterDirectory directory, ClusterSpec cluster)
    {
        directory.ReplaceServices(cluster.Services.Select(Service));
        var podNames = PodNames(cluster);
        directory.ReplaceEndpointSlices(cluster.Services.Select(s => Slice(cluster.Family, s, podNames)));
    }

    /// <summary>One name per pod address; a pod behind several services keeps the name of the first.</summary>
    public static IReadOnlyDictionary<string, string> PodNames(ClusterSpec cluster)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var service in cluster.Services)
        {
            var hash = TemplateHash(service.Namespace + "/" + service.Name);
            for (var i = 0; i < service.Endpoints.Count; i++)
            {
                names.TryAdd(service.Endpoints[i].Address, $"{DemoClusterSpec.NodePrefix}{service.Name}-{hash}-{i}");
            }
        }

        return names;
    }

    private static V1Service Service(ServiceSpec service) => new()
    {
        Metadata = new V1ObjectMeta { Name = service.Name, NamespaceProperty = service.Namespace },
        Spec = new V1ServiceSpec
        {
            Type = service.Type.ToString(),
            ClusterIP = service.ClusterIP,
            ClusterIPs = [service.ClusterIP],
            Ports = [.. service.Ports.Select(p => new V1ServicePort
            {
                Name = p.Name.Length == 0 ? null : p.Name,
                Protocol = p.Protocol.ToUpperInvariant(),
                Port = p.Port,
                TargetPort = p.TargetPort,
                NodePort = p.NodePort,
            })],
            ExternalIPs = [.. service.ExternalIPs],
            ExternalTrafficPolicy = service.Ports.Any(service.IsExternallyAccessible) ? service.ExternalTrafficPolicy.ToString() : null,
            InternalTrafficPolicy = service.InternalTrafficPolicy.ToString(),
            SessionAffinity = service.SessionAffinitySeconds is null ? "None" : "ClientIP",
        },
    };

    private static V1EndpointSlice Slice(IpFamily family, ServiceSpec service, IReadOnlyDictionary<string, string> podNames) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = $"{service.Name}-{TemplateHash(service.Name)[..5]}",
            NamespaceProperty = service.Namespace,
            Labels = new Dictionary<string, string> { ["kubernetes.io/service-name"] = service.Name },
        },
        AddressType = family.ToString(),
        Endpoints = [.. service.Endpoints.Select(e => new V1Endpoint
        {
            Addresses = [e.Address],
            NodeName = e.NodeName,
            Conditions = new V1EndpointConditions { Ready = e.Ready, Serving = e.Serving, Terminating = e.Terminating },
            TargetRef = new V1ObjectReference { Kind = "Pod", Name = podNames[e.Address], NamespaceProperty = service.Namespace },
        })],
        Ports = [.. service.Ports.Select(p => new Discoveryv1EndpointPort
        {
            Name = p.Name,
            Protocol = p.Protocol.ToUpperInvariant(),
            Port = p.TargetPort,
        })],
    };

    private static string TemplateHash(string text)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        var hash = new char[10];
        for (var i = 0; i < hash.Length; i++)
        {
            hash[i] = HashAlphabet[bytes[i] % HashAlphabet.Length];
        }

        return new string(hash);
    }
}
