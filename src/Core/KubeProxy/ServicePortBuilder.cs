using NetView.Core.Iptables;

namespace NetView.Core.KubeProxy;

/// <summary>Everything read so far about one service port; turned into a <see cref="ServicePort"/> at the end.</summary>
internal sealed class ServicePortBuilder(ServicePortName name, string protocol, int index)
{
    private const int ScanLimit = 16;
    private Dictionary<string, EndpointBuilder>? _endpointsByChain;
    private List<string>? _externalIPs;
    private List<string>? _loadBalancerIPs;
    private List<string>? _sourceRanges;
    private ServiceEndpoint[]? _finished;

    public ServicePortName Name { get; } = name;

    /// <summary>Its place in <see cref="ServicePortRegistry.Ordered"/>.</summary>
    public int Index { get; } = index;
    public string Protocol { get; } = protocol;
    public string? ClusterIP { get; set; }
    public int? ClusterPort { get; set; }
    public int? NodePort { get; set; }
    public int? HealthCheckNodePort { get; set; }
    // Most service ports have none of these: made when first used, so 17,600 ports keep no empty lists.
    public List<string> ExternalIPs => _externalIPs ??= [];
    public List<string> LoadBalancerIPs => _loadBalancerIPs ??= [];
    public List<string> SourceRanges => _sourceRanges ??= [];
    public int? AffinitySeconds { get; set; }
    public bool ExternalLocal { get; set; }
    public bool InternalLocal { get; set; }
    public bool NoEndpoints { get; set; }
    public bool NoLocalEndpoints { get; set; }
    public string? Svc { get; set; }
    public string? Svl { get; set; }
    public string? Ext { get; set; }
    public string? Fw { get; set; }
    public string? Xlb { get; set; }
    public RuleRowList Rules { get; } = new();
    public List<EndpointBuilder> Endpoints { get; } = [];

    public EndpointBuilder Endpoint(string chain)
    {
        // Most service ports have a handful of endpoints: a scan beats a dictionary per port.
        if (_endpointsByChain is null)
        {
            foreach (var known in Endpoints)
            {
                if (known.Chain == chain)
                {
                    return known;
                }
            }

            if (Endpoints.Count >= ScanLimit)
            {
                _endpointsByChain = new Dictionary<string, EndpointBuilder>(StringComparer.Ordinal);
                foreach (var known in Endpoints)
                {
                    _endpointsByChain.Add(known.Chain, known);
                }
            }
        }
        else if (_endpointsByChain.TryGetValue(chain, out var known))
        {
            return known;
        }

        var endpoint = new EndpointBuilder(chain);
        _endpointsByChain?.Add(chain, endpoint);
        Endpoints.Add(endpoint);
        return endpoint;
    }

    /// <summary>Remembers a rule as part of this service port; every chain is read once, so every rule comes once.</summary>
    public void Add(Rule rule) => Rules.Add(rule);

    /// <summary>
    /// Makes room for <paramref name="more"/> rules (a chain's, or all endpoint chains') at once: the
    /// lists of 17,600 service ports would otherwise double their way up and keep a third unused.
    /// </summary>
    public void Reserve(int more) => Rules.Reserve(more);

    // Cluster cascade order first, then what only the local cascade reaches (CONTRACTS.md).
    private static int Compare(EndpointBuilder a, EndpointBuilder b) =>
        (a.ClusterIndex < 0, a.ClusterIndex, a.LocalIndex).CompareTo((b.ClusterIndex < 0, b.ClusterIndex, b.LocalIndex));

    // Strictly in order: any sort would keep it as it is (with ties, the sort decides).
    private static bool InOrder(List<EndpointBuilder> endpoints)
    {
        for (var i = 1; i < endpoints.Count; i++)
        {
            if (Compare(endpoints[i - 1], endpoints[i]) >= 0)
            {
                return false;
            }
        }

        return true;
    }

    private static EndpointBuilder[] Sorted(List<EndpointBuilder> endpoints)
    {
        var sorted = endpoints.ToArray();
        Array.Sort(sorted, Compare);
        return sorted;
    }

    // Not "list ?? []": that would make a new empty List for every service port.
    private static IReadOnlyList<string> OrNone(List<string>? list) => list is null ? Array.Empty<string>() : list;

    public static void AddOnce(List<string> values, string value)
    {
        if (!values.Contains(value))
        {
            values.Add(value);
        }
    }

    /// <summary>
    /// Makes the endpoints final once every chain of the port is read, and lets their builders go.
    /// </summary>
    /// <param name="dnats">Gets each endpoint's DNAT rule (or null), in the order of the port's endpoints, for the checks.</param>
    public void FinishEndpoints(RuleRowList dnats)
    {
        // Usually the endpoints were met in cluster cascade order already: no copy to sort.
        IReadOnlyList<EndpointBuilder> ordered = InOrder(Endpoints) ? Endpoints : Sorted(Endpoints);
        var endpoints = ordered.Count == 0 ? [] : new ServiceEndpoint[ordered.Count];
        for (var i = 0; i < endpoints.Length; i++)
        {
            endpoints[i] = ordered[i].Build();
            dnats.Add(ordered[i].Dnat);
        }

        _finished = endpoints;
        Endpoints.Clear();
        Endpoints.Capacity = 0;
        _endpointsByChain = null;
    }

    /// <param name="dnats">For a port the walk did not read (<see cref="FinishEndpoints"/>).</param>
    public ServicePort Build(RuleRowList dnats)
    {
        if (_finished is null)
        {
            FinishEndpoints(dnats);
        }

        return new ServicePort
        {
            Name = Name.Name,
            Namespace = Name.Namespace,
            Service = Name.Service,
            PortName = Name.PortName,
            Protocol = Protocol,
            ClusterIP = ClusterIP,
            ClusterPort = ClusterPort,
            NodePort = NodePort,
            HealthCheckNodePort = HealthCheckNodePort,
            ExternalIPs = OrNone(_externalIPs),
            LoadBalancerIPs = OrNone(_loadBalancerIPs),
            LoadBalancerSourceRanges = OrNone(_sourceRanges),
            SessionAffinitySeconds = AffinitySeconds,
            ExternalTrafficPolicy = ExternalLocal ? TrafficPolicy.Local : TrafficPolicy.Cluster,
            InternalTrafficPolicy = InternalLocal ? TrafficPolicy.Local : TrafficPolicy.Cluster,
            Chains = new ServicePortChains(Svc, Svl, Ext, Fw, Xlb),
            HasEndpoints = !NoEndpoints,
            HasLocalEndpoints = !NoLocalEndpoints,
            Endpoints = _finished!,
            Rules = Rules,
        };
    }
}
