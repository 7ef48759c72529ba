using NetView.Core.Iptables;

namespace NetView.Core.KubeProxy;

/// <summary>
/// What the rules say about one endpoint chain of one service port, gathered while reading. One
/// per endpoint of a big dump (88,000) and alive for the whole walk, so it holds plain fields only.
/// </summary>
internal sealed class EndpointBuilder(string chain)
{
    private long _jumpPackets;
    private long _jumpBytes;
    private bool _jumpCounted;
    private bool _jumpApproximate;

    public string Chain { get; } = chain;
    public string? DnatAddress { get; set; }
    public string? CommentAddress { get; set; }
    public Rule? Dnat { get; set; }

    /// <summary>Position in the cluster cascade, -1 when not in it; <see cref="ClusterShare"/> counts only when in it.</summary>
    public int ClusterIndex { get; private set; } = -1;
    public decimal ClusterShare { get; private set; }
    public int LocalIndex { get; private set; } = -1;
    public decimal LocalShare { get; private set; }

    /// <summary>Rule <paramref name="index"/> of the cluster cascade jumps here with <paramref name="share"/> (an endpoint jumped to twice gets both).</summary>
    public void InCluster(int index, decimal share)
    {
        ClusterIndex = ClusterIndex < 0 ? index : ClusterIndex;
        ClusterShare += share;
    }

    /// <summary>Rule <paramref name="index"/> of the local cascade (KUBE-SVL, KUBE-XLB) jumps here with <paramref name="share"/>.</summary>
    public void InLocal(int index, decimal share)
    {
        LocalIndex = LocalIndex < 0 ? index : LocalIndex;
        LocalShare += share;
    }

    /// <summary>Adds the counters of a rule that jumps here: the fallback when the dump has no endpoint chain.</summary>
    public void CountJump(Rule rule)
    {
        if (rule.Counters is { } counters)
        {
            _jumpPackets += counters.Packets;
            _jumpBytes += counters.Bytes;
            _jumpApproximate |= counters.Approximate;
            _jumpCounted = true;
        }
    }

    public ServiceEndpoint Build()
    {
        var counters = Dnat is not null ? Dnat.Counters
            : _jumpCounted ? new Counters(_jumpPackets, _jumpBytes, _jumpApproximate) : (Counters?)null;
        return new ServiceEndpoint(
            DnatAddress ?? CommentAddress ?? "",
            Chain,
            ClusterIndex >= 0 ? (double)ClusterShare : null,
            LocalIndex >= 0 ? (double)LocalShare : null,
            counters?.Packets,
            counters?.Bytes,
            CommentAddress);
    }
}
