namespace NetView.Core.KubeProxy;

/// <summary>
/// One endpoint of a service port: where kube-proxy DNATs to, and which share of new connections
/// it gets from the cluster-wide and from the node-local cascade.
/// </summary>
public sealed record ServiceEndpoint
{
    // The numbers are kept bare with a bit each saying whether they are there: 80 bytes an
    // endpoint instead of 104 with four nullable fields (88,000 endpoints in a big dump).
    private readonly double _probability;
    private readonly double _localProbability;
    private readonly long _connections;
    private readonly long _bytes;
    private readonly Present _present;

    /// <param name="Address"><c>ip:port</c> (<c>[ip]:port</c> for IPv6) from the endpoint chain's DNAT, else from the comment.</param>
    /// <param name="Chain">The KUBE-SEP-* chain.</param>
    /// <param name="Probability">Share of connections entering KUBE-SVC; null when the endpoint is not in that cascade.</param>
    /// <param name="LocalProbability">Share of connections entering KUBE-SVL (KUBE-XLB before 1.24); null when not in it.</param>
    /// <param name="Connections">Packets counted by the DNAT rule; nat rules see only a connection's first packet, so these are connections. Null without counters.</param>
    /// <param name="Bytes">Bytes counted by the DNAT rule (of those first packets); null without counters.</param>
    /// <param name="CommentAddress">The <c>-&gt; ip:port</c> of kube-proxy's comments, when it wrote one.</param>
    public ServiceEndpoint(string Address, string Chain, double? Probability, double? LocalProbability, long? Connections, long? Bytes, string? CommentAddress = null)
    {
        this.Address = Address;
        this.Chain = Chain;
        this.Probability = Probability;
        this.LocalProbability = LocalProbability;
        this.Connections = Connections;
        this.Bytes = Bytes;
        this.CommentAddress = CommentAddress;
    }

    public string Address { get; init; }

    public string Chain { get; init; }

    public double? Probability
    {
        get => (_present & Present.Probability) != 0 ? _probability : null;
        init => (_probability, _present) = (value ?? 0, value is null ? _present & ~Present.Probability : _present | Present.Probability);
    }

    public double? LocalProbability
    {
        get => (_present & Present.LocalProbability) != 0 ? _localProbability : null;
        init => (_localProbability, _present) = (value ?? 0, value is null ? _present & ~Present.LocalProbability : _present | Present.LocalProbability);
    }

    public long? Connections
    {
        get => (_present & Present.Connections) != 0 ? _connections : null;
        init => (_connections, _present) = (value ?? 0, value is null ? _present & ~Present.Connections : _present | Present.Connections);
    }

    public long? Bytes
    {
        get => (_present & Present.Bytes) != 0 ? _bytes : null;
        init => (_bytes, _present) = (value ?? 0, value is null ? _present & ~Present.Bytes : _present | Present.Bytes);
    }

    public string? CommentAddress { get; init; }

    public void Deconstruct(out string Address, out string Chain, out double? Probability, out double? LocalProbability,
        out long? Connections, out long? Bytes, out string? CommentAddress) =>
        (Address, Chain, Probability, LocalProbability, Connections, Bytes, CommentAddress) =
        (this.Address, this.Chain, this.Probability, this.LocalProbability, this.Connections, this.Bytes, this.CommentAddress);

    [Flags]
    private enum Present : byte
    {
        Probability = 1,
        LocalProbability = 2,
        Connections = 4,
        Bytes = 8,
    }
}
