using System.Globalization;
using NetView.Core.KubeProxy;

namespace NetView.Core.Analysis.Diff;

/// <summary>
/// Tells two analyses' service ports apart in kube-proxy's terms: service ports and endpoints
/// added or removed, shares that moved, node ports, cluster IPs, policies and affinity that changed.
/// </summary>
internal static class ServicePortDiff
{
    public static List<MeaningChange> Compare(IReadOnlyList<ServicePort> oldPorts, IReadOnlyList<ServicePort> newPorts)
    {
        var changes = new List<MeaningChange>();
        var oldByName = ByKey(oldPorts);
        var newByName = ByKey(newPorts);
        foreach (var (key, port) in oldByName)
        {
            if (!newByName.ContainsKey(key))
            {
                changes.Add(new(port.Name, "servicePortRemoved", $"service port {Describe(port)} removed"));
            }
        }

        foreach (var (key, port) in newByName)
        {
            if (!oldByName.TryGetValue(key, out var old))
            {
                changes.Add(new(port.Name, "servicePortAdded", $"service port {Describe(port)} added with {port.Endpoints.Count} endpoint(s)"));
                continue;
            }

            CompareOne(old, port, changes);
        }

        return changes;
    }

    private static Dictionary<string, ServicePort> ByKey(IReadOnlyList<ServicePort> ports)
    {
        var byKey = new Dictionary<string, ServicePort>(StringComparer.Ordinal);
        foreach (var port in ports)
        {
            byKey.TryAdd(port.Name + "/" + port.Protocol, port);
        }

        return byKey;
    }

    private static string Describe(ServicePort port) =>
        port.ClusterIP is null ? $"{port.Name} ({port.Protocol})" : $"{port.Name} ({port.ClusterIP}:{port.ClusterPort}/{port.Protocol})";

    private static void CompareOne(ServicePort old, ServicePort now, List<MeaningChange> changes)
    {
        var name = now.Name;
        if (old.ClusterIP != now.ClusterIP || old.ClusterPort != now.ClusterPort)
        {
            changes.Add(new(name, "clusterIPChanged", $"cluster IP of {name} changed from {old.ClusterIP}:{old.ClusterPort} to {now.ClusterIP}:{now.ClusterPort}"));
        }

        if (old.NodePort != now.NodePort)
        {
            if (old.NodePort is { } removed)
            {
                changes.Add(new(name, "nodePortRemoved", $"nodePort {removed} removed from {name}"));
            }

            if (now.NodePort is { } added)
            {
                changes.Add(new(name, "nodePortAdded", $"nodePort {added} added to {name}"));
            }
        }

        if (old.HasEndpoints != now.HasEndpoints)
        {
            changes.Add(now.HasEndpoints
                ? new(name, "endpointsRestored", $"{name} has endpoints again (its \"has no endpoints\" REJECT is gone)")
                : new(name, "endpointsLost", $"{name} lost all its endpoints: kube-proxy now rejects its traffic"));
        }

        if (old.ExternalTrafficPolicy != now.ExternalTrafficPolicy)
        {
            changes.Add(new(name, "policyChanged", $"externalTrafficPolicy of {name} changed from {old.ExternalTrafficPolicy} to {now.ExternalTrafficPolicy}"));
        }

        if (old.InternalTrafficPolicy != now.InternalTrafficPolicy)
        {
            changes.Add(new(name, "policyChanged", $"internalTrafficPolicy of {name} changed from {old.InternalTrafficPolicy} to {now.InternalTrafficPolicy}"));
        }

        if (old.SessionAffinitySeconds != now.SessionAffinitySeconds)
        {
            changes.Add(new(name, "affinityChanged", $"session affinity of {name} changed from {Affinity(old.SessionAffinitySeconds)} to {Affinity(now.SessionAffinitySeconds)}"));
        }

        CompareEndpoints(name, old.Endpoints, now.Endpoints, changes);
    }

    private static string Affinity(int? seconds) => seconds is { } s ? $"ClientIP {s} s" : "none";

    private static void CompareEndpoints(string name, IReadOnlyList<ServiceEndpoint> old, IReadOnlyList<ServiceEndpoint> now, List<MeaningChange> changes)
    {
        var oldByAddress = old.GroupBy(e => e.Address).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var newByAddress = now.GroupBy(e => e.Address).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var endpoint in old.Where(e => !newByAddress.ContainsKey(e.Address)).Select(e => e.Address).Distinct())
        {
            changes.Add(new(name, "endpointRemoved", $"endpoint {endpoint} removed from {name}"));
        }

        foreach (var endpoint in now)
        {
            if (!oldByAddress.TryGetValue(endpoint.Address, out var before))
            {
                if (changes.Any(c => c.Kind == "endpointAdded" && c.Subject == name && c.Message.StartsWith($"endpoint {endpoint.Address} ", StringComparison.Ordinal)))
                {
                    continue;
                }

                changes.Add(new(name, "endpointAdded", $"endpoint {endpoint.Address} added to {name}{Share(endpoint.Probability)}"));
                continue;
            }

            if (Differs(before.Probability, endpoint.Probability))
            {
                changes.Add(new(name, "shareChanged", $"share of {endpoint.Address} in {name} changed from {Format(before.Probability)} to {Format(endpoint.Probability)}"));
            }
        }
    }

    private static bool Differs(double? a, double? b) =>
        a.HasValue != b.HasValue || (a.HasValue && Math.Abs(a.Value - b!.Value) > 1e-6);

    private static string Share(double? probability) => probability is { } p ? $" (share {Format(p)})" : "";

    private static string Format(double? probability) =>
        probability is { } p ? p.ToString("0.####", CultureInfo.InvariantCulture) : "none";
}
