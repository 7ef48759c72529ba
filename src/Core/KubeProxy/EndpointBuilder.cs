using NetView.Core.Iptables;

namespace NetView.Core.KubeProxy;

/// <summary>What the rules say about one endpoint chain of one service port, gathered while reading.</summary>
internal sealed class EndpointBuilder(string chain)
{
    public string Chain { get; } = chain;
    public string? DnatAddress { get; set; }
    public string? CommentAddress { get; set; }
    public Rule? Dnat { get; set; }

    /// <summary>Position in the cluster cascade (-1 when not in it) and the share it gets there.</summary>
    public int ClusterIndex { get; set; } = -1;
    public decimal? ClusterShare { get; set; }
    public int LocalIndex { get; set; } = -1;
    public decimal? LocalShare { get; set; }

    /// <summary>Sum of the counters of the rules that jump here: the fallback when the dump has no endpoint chain.</summary>
    public Counters? JumpCounters { get; private set; }

    public void CountJump(Rule rule)
    {
        if (rule.Counters is { } counters)
        {
            var sum = JumpCounters ?? Counters.Zero;
            JumpCounters = new Counters(sum.Packets + counters.Packets, sum.Bytes + counters.Bytes, sum.Approximate || counters.Approximate);
        }
    }

    public ServiceEndpoint Build()
    {
        var counters = Dnat is not null ? Dnat.Counters : JumpCounters;
        return new ServiceEndpoint(
            DnatAddress ?? CommentAddress ?? "",
            Chain,
            ClusterShare is { } share ? (double)share : null,
            LocalShare is { } local ? (double)local : null,
            counters?.Packets,
            counters?.Bytes,
            CommentAddress);
    }
}
