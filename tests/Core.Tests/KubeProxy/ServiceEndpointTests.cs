using NetView.Core.KubeProxy;

namespace NetView.Core.Tests.KubeProxy;

/// <summary>ServiceEndpoint keeps its numbers bare with presence bits; it still reads as the record it was.</summary>
public sealed class ServiceEndpointTests
{
    [Fact]
    public void Numbers_NullAndZero_Distinct()
    {
        var none = new ServiceEndpoint("10.244.0.2:53", "KUBE-SEP-A", null, null, null, null);
        var zeros = new ServiceEndpoint("10.244.0.2:53", "KUBE-SEP-A", 0, 0, 0, 0);

        Assert.Equal((null, null, null, null), (none.Probability, none.LocalProbability, none.Connections, none.Bytes));
        Assert.Equal((0.0, 0.0, 0L, 0L), (zeros.Probability, zeros.LocalProbability, zeros.Connections, zeros.Bytes));
        Assert.NotEqual(none, zeros);
    }

    [Fact]
    public void With_ChangesOneNumber_KeepsTheOthers()
    {
        var endpoint = new ServiceEndpoint("[fd00::2]:53", "KUBE-SEP-B", 0.25, null, 1200, 96_000, "fd00::2:53");

        var unknownBytes = endpoint with { Bytes = null };
        var local = endpoint with { LocalProbability = 1 };

        Assert.Equal((0.25, (double?)null, 1200L, (long?)null), (unknownBytes.Probability, unknownBytes.LocalProbability, unknownBytes.Connections, unknownBytes.Bytes));
        Assert.Equal((0.25, 1.0, 1200L, 96_000L), (local.Probability, local.LocalProbability, local.Connections, local.Bytes));
        Assert.Equal(endpoint, unknownBytes with { Bytes = 96_000 });
        Assert.Equal(endpoint.GetHashCode(), (unknownBytes with { Bytes = 96_000 }).GetHashCode());
    }

    [Fact]
    public void Deconstruct_AndToString_AsThePositionalRecord()
    {
        var endpoint = new ServiceEndpoint("10.244.1.7:8080", "KUBE-SEP-C", 0.5, 1, null, null);

        var (address, chain, probability, local, connections, bytes, comment) = endpoint;

        Assert.Equal(("10.244.1.7:8080", "KUBE-SEP-C", 0.5, 1.0, (long?)null, (long?)null, (string?)null), (address, chain, probability, local, connections, bytes, comment));
        Assert.Equal(
            "ServiceEndpoint { Address = 10.244.1.7:8080, Chain = KUBE-SEP-C, Probability = 0.5, LocalProbability = 1, Connections = , Bytes = , CommentAddress =  }",
            endpoint.ToString());
    }
}
