using System.Collections.Concurrent;
using k8s.Models;

namespace NetView.Web.Kubernetes;

/// <summary>
/// The cluster's declared Services and EndpointSlices, kept current by <see cref="KubernetesWatcher"/>.
/// No UI types: pages ask it for the pod behind an endpoint address ("pod name when known") and
/// for the declared service beside the one the rules implement. Bounded by
/// <see cref="KubernetesOptions.MaxObjects"/>.
/// </summary>
public sealed class ClusterDirectory
{
    private readonly ConcurrentDictionary<string, ServiceInfo> _services = new(StringComparer.Ordinal);
    // EndpointSlice key (ns/name) → the addresses it contributed, so a slice's update or deletion
    // removes exactly what it added.
    private readonly ConcurrentDictionary<string, IReadOnlyList<PodEndpoint>> _slices = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PodEndpoint> _byAddress = new(StringComparer.Ordinal);
    private readonly int _maxObjects;

    public ClusterDirectory(int maxObjects = 200_000)
    {
        _maxObjects = maxObjects;
    }

    /// <summary>Raised after any change; handlers must be quick (they run on the watch loop).</summary>
    public event Action? Changed;

    /// <summary>Calls <paramref name="changed"/> after every change, like <c>IDashboardSource.Subscribe</c>; dispose to stop.</summary>
    public IDisposable Subscribe(Action changed)
    {
        Changed += changed;
        return new Subscription(this, changed);
    }

    public bool HasData => !_services.IsEmpty || !_byAddress.IsEmpty;

    public int ServiceCount => _services.Count;

    public PodEndpoint? FindEndpoint(string address)
    {
        // Rules name endpoints as ip:port; the API keys pods by ip.
        var ip = StripPort(address);
        return _byAddress.GetValueOrDefault(ip);
    }

    public ServiceInfo? FindService(string ns, string name) => _services.GetValueOrDefault(ns + "/" + name);

    public void ReplaceServices(IEnumerable<V1Service> services)
    {
        _services.Clear();
        foreach (var service in services)
        {
            PutService(service, raise: false);
        }

        Changed?.Invoke();
    }

    public void ApplyService(string eventType, V1Service service)
    {
        if (eventType == "DELETED")
        {
            _services.TryRemove(Key(service.Metadata), out _);
            Changed?.Invoke();
            return;
        }

        PutService(service, raise: true);
    }

    public void ReplaceEndpointSlices(IEnumerable<V1EndpointSlice> slices)
    {
        _slices.Clear();
        _byAddress.Clear();
        foreach (var slice in slices)
        {
            PutSlice(slice);
        }

        Changed?.Invoke();
    }

    public void ApplyEndpointSlice(string eventType, V1EndpointSlice slice)
    {
        RemoveSlice(Key(slice.Metadata));
        if (eventType != "DELETED")
        {
            PutSlice(slice);
        }

        Changed?.Invoke();
    }

    private void PutService(V1Service service, bool raise)
    {
        if (service.Metadata?.Name is null || (_services.Count >= _maxObjects && !_services.ContainsKey(Key(service.Metadata))))
        {
            return;
        }

        var spec = service.Spec;
        var ports = spec?.Ports?.Select(p => new ServicePortInfo(p.Name, (p.Protocol ?? "TCP").ToLowerInvariant(), p.Port, p.NodePort)).ToArray() ?? [];
        var clusterIPs = spec?.ClusterIPs?.ToArray() ?? (spec?.ClusterIP is { } ip ? [ip] : []);
        _services[Key(service.Metadata)] = new ServiceInfo(
            service.Metadata.NamespaceProperty ?? "default",
            service.Metadata.Name,
            spec?.Type ?? "ClusterIP",
            clusterIPs,
            ports,
            spec?.ExternalTrafficPolicy,
            spec?.InternalTrafficPolicy,
            spec?.SessionAffinity);
        if (raise)
        {
            Changed?.Invoke();
        }
    }

    private void PutSlice(V1EndpointSlice slice)
    {
        var added = new List<PodEndpoint>();
        foreach (var endpoint in slice.Endpoints ?? [])
        {
            foreach (var address in endpoint.Addresses ?? [])
            {
                if (_byAddress.Count >= _maxObjects && !_byAddress.ContainsKey(address))
                {
                    break;
                }

                var pod = endpoint.TargetRef is { Kind: "Pod" } target ? target : null;
                var entry = new PodEndpoint(
                    address,
                    pod?.NamespaceProperty ?? slice.Metadata?.NamespaceProperty,
                    pod?.Name,
                    endpoint.NodeName,
                    endpoint.Conditions?.Ready ?? true);
                _byAddress[address] = entry;
                added.Add(entry);
            }
        }

        _slices[Key(slice.Metadata)] = added;
    }

    private void RemoveSlice(string key)
    {
        if (_slices.TryRemove(key, out var previous))
        {
            foreach (var entry in previous)
            {
                // Another slice may have taken the address over meanwhile; only remove our own entry.
                _byAddress.TryRemove(new KeyValuePair<string, PodEndpoint>(entry.Address, entry));
            }
        }
    }

    private static string Key(V1ObjectMeta? metadata) => (metadata?.NamespaceProperty ?? "default") + "/" + metadata?.Name;

    private static string StripPort(string address)
    {
        // "10.0.0.1:80" → "10.0.0.1"; "[fd00::1]:80" → "fd00::1"; a bare address stays as it is.
        if (address.StartsWith('['))
        {
            var end = address.IndexOf(']');
            return end > 0 ? address[1..end] : address;
        }

        var colon = address.LastIndexOf(':');
        return colon > 0 && address.IndexOf(':') == colon ? address[..colon] : address;
    }

    private sealed class Subscription(ClusterDirectory directory, Action changed) : IDisposable
    {
        public void Dispose() => directory.Changed -= changed;
    }
}
