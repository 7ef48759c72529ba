using NetView.Core.Iptables;
namespace NetView.Core.KubeProxy;

/// <summary>
/// The service ports found so far, by name and protocol, and which one owns each per-service
/// chain hash. Also tallies the pod CIDRs seen in kube-proxy's local-traffic rules.
/// </summary>
internal sealed class ServicePortRegistry
{
    private readonly Dictionary<(string Name, string Protocol), ServicePortBuilder> _byKey;
    // Looked up by the span of a chain name's hash, so that no lookup makes a string.
    private readonly Dictionary<string, ServicePortBuilder> _bySuffix;
    private readonly Dictionary<string, ServicePortBuilder>.AlternateLookup<ReadOnlySpan<char>> _bySuffixSpan;
    private readonly Dictionary<string, int> _cidrs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KubeProxyComment?> _comments;
    private Dictionary<string, ServicePortBuilder>? _byHash;
    private int _hashed;

    /// <param name="expected">
    /// About how many service ports there are (KUBE-SERVICES has a rule per port and entry): the
    /// tables are made that big at once instead of doubling their way up through 17,600 ports.
    /// </param>
    public ServicePortRegistry(int expected = 0)
    {
        _byKey = new(expected);
        _bySuffix = new(expected, StringComparer.Ordinal);
        _bySuffixSpan = _bySuffix.GetAlternateLookup<ReadOnlySpan<char>>();
        _comments = new(expected, StringComparer.Ordinal);
        Ordered = new(expected);
        Cascades = new(expected);
    }

    public List<ServicePortBuilder> Ordered { get; }

    /// <summary>Reused by every cascade read, so that 100,000 chains do not make 200,000 short-lived lists.</summary>
    public List<decimal?> ScratchProbabilities { get; } = [];

    public List<EndpointBuilder> ScratchEndpoints { get; } = [];

    public List<Rule> ScratchCascadeSteps { get; } = [];

    public List<decimal?> ScratchCascadeProbabilities { get; } = [];

    public List<Chain?> ScratchChains { get; } = [];

    /// <summary>The cascades read so far, judged for the probability check.</summary>
    public CascadeVerdicts Cascades { get; }

    /// <summary>
    /// <see cref="KubeProxyComment.TryParse"/>, remembered per comment text: kube-proxy repeats
    /// each service port's comments on every rule of its chains.
    /// </summary>
    public bool TryComment(string? text, out KubeProxyComment comment)
    {
        comment = default;
        if (text is null)
        {
            return false;
        }

        if (!_comments.TryGetValue(text, out var cached))
        {
            cached = KubeProxyComment.TryParse(text, out var parsed) ? parsed : null;
            _comments.Add(text, cached);
        }

        comment = cached.GetValueOrDefault();
        return cached.HasValue;
    }

    public ServicePortBuilder Get(ServicePortName name, string protocol)
    {
        var key = (name.Name, protocol);
        if (!_byKey.TryGetValue(key, out var builder))
        {
            builder = new ServicePortBuilder(name, protocol, Ordered.Count);
            _byKey.Add(key, builder);
            Ordered.Add(builder);
        }

        return builder;
    }

    public ServicePortBuilder? Find(string name, string protocol) => _byKey.GetValueOrDefault((name, protocol));

    /// <summary>The service port whose chains carry this chain's hash, or null.</summary>
    public ServicePortBuilder? OwnerOf(string chain) => _bySuffixSpan.TryGetValue(KubeChains.SuffixOf(chain), out var owner) ? owner : null;

    /// <summary>Records that <paramref name="chain"/> (and every chain with its hash) belongs to <paramref name="builder"/>.</summary>
    public void Claim(ServicePortBuilder builder, string chain)
    {
        var kind = KubeChains.KindOf(chain);
        if (kind is KubeChainKind.None or KubeChainKind.Sep)
        {
            return;
        }

        var suffix = KubeChains.SuffixOf(chain);
        if (!_bySuffixSpan.ContainsKey(suffix))
        {
            _bySuffix.Add(suffix.ToString(), builder);
        }

        switch (kind)
        {
            case KubeChainKind.Svc: builder.Svc ??= chain; break;
            case KubeChainKind.Svl: builder.Svl ??= chain; break;
            case KubeChainKind.Ext: builder.Ext ??= chain; break;
            case KubeChainKind.Fw: builder.Fw ??= chain; break;
            case KubeChainKind.Xlb:
                builder.Xlb ??= chain;
                builder.ExternalLocal = true;
                break;
        }
    }

    /// <summary>
    /// The service port whose chain-name hash (<see cref="ChainNames.ServicePortHash"/>) is this
    /// chain's suffix: how a chain without comments and without entry point is recognised.
    /// </summary>
    public ServicePortBuilder? OwnerByHash(string chain)
    {
        _byHash ??= new Dictionary<string, ServicePortBuilder>(Ordered.Count, StringComparer.Ordinal);
        for (; _hashed < Ordered.Count; _hashed++)
        {
            var builder = Ordered[_hashed];
            _byHash.TryAdd(ChainNames.ServicePortHash(builder.Name.Written, builder.Protocol), builder);
        }

        return _byHash.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(KubeChains.SuffixOf(chain), out var owner) ? owner : null;
    }

    public void CountCidr(string? cidr)
    {
        if (cidr is not null)
        {
            _cidrs[cidr] = _cidrs.GetValueOrDefault(cidr) + 1;
        }
    }

    /// <summary>The pod CIDR most of kube-proxy's local-traffic rules name; null when none does.</summary>
    public string? ClusterCidr()
    {
        string? best = null;
        var bestCount = 0;
        foreach (var (cidr, count) in _cidrs)
        {
            if (count > bestCount)
            {
                (best, bestCount) = (cidr, count);
            }
        }

        return best;
    }
}
