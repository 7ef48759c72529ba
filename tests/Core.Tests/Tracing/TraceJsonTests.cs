using System.Text.Json;
using NetView.Core.Analysis.Tracing;

namespace NetView.Core.Tests.Tracing;

public sealed class TraceJsonTests
{
    [Fact]
    public void Serialize_PodToClusterIp_WritesTheContractFields()
    {
        var result = TraceAssert.Trace(NodeDump.Text, "10.244.1.2", "10.96.0.10", 80);

        using var json = JsonDocument.Parse(TraceJson.Serialize(result));

        var root = json.RootElement;
        Assert.Equal("10.244.1.2", root.GetProperty("packet").GetProperty("src").GetString());
        Assert.Equal(80, root.GetProperty("packet").GetProperty("dport").GetInt32());
        Assert.Equal("pod", root.GetProperty("packet").GetProperty("from").GetString());
        var outcomes = root.GetProperty("outcomes");
        Assert.Equal(2, outcomes.GetArrayLength());
        var first = outcomes[0];
        Assert.Equal(0.5, first.GetProperty("probability").GetDouble());
        Assert.Equal("DNAT", first.GetProperty("verdict").GetString());
        Assert.Equal("10.244.1.5:8080", first.GetProperty("destination").GetString());
        Assert.False(first.GetProperty("masquerade").GetBoolean());
        Assert.Equal("nat/PREROUTING#1", first.GetProperty("path")[0].GetString());
        Assert.Equal("-A PREROUTING -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES", first.GetProperty("rules")[0].GetString());
    }

    [Fact]
    public void Deserialize_SerializedTrace_RoundTrips()
    {
        var result = TraceAssert.Trace(NodeDump.Text, "10.244.1.2", "10.96.0.50", 80);

        var document = TraceJson.Deserialize(TraceJson.Serialize(result));

        Assert.NotNull(document);
        var outcome = Assert.Single(document.Outcomes);
        Assert.Equal("REJECT", outcome.Verdict);
        Assert.Null(outcome.Destination);
    }
}
