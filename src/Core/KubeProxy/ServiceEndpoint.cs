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
        get => Has(Present.Probability) ? _probability : null;
        init => (_probability, _present) = (value ?? 0, Marked(Present.Probability, value.HasValue));
    }

    public double? LocalProbability
    {
        get => Has(Present.LocalProbability) ? _localProbability : null;
        init => (_localProbability, _present) = (value ?? 0, Marked(Present.LocalProbability, value.HasValue));
    }

    public long? Connections
    {
        get => Has(Present.Connections) ? _connections : null;
        init => (_connections, _present) = (value ?? 0, Marked(Present.Connections, value.HasValue));
    }

    public long? Bytes
    {
        get => Has(Present.Bytes) ? _bytes : null;
        init => (_bytes, _present) = (value ?? 0, Marked(Present.Bytes, value.HasValue));
    }

    public string? CommentAddress { get; init; }

    private bool Has(Present number) => (_present & number) != 0;

    private Present Marked(Present number, bool present) => present ? _present | number : _present & ~number;

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
