using System.Text.Json;
using NetView.Core.Analysis.Json;
using NetView.Core.Iptables;
using NetView.Core.KubeProxy;
using NetView.Core.KubeProxy.Simulation;

namespace NetView.Core.Tests.Analysis;

/// <summary>The <c>analyze --json</c> document: contract names, nulls written out, and a lossless round trip.</summary>
public sealed class AnalysisJsonTests
{
    private static (AnalysisDocument Document, string Json) Fixture(string name)
    {
        var rules = IptablesParser.ParseFile(Path.Combine(AppContext.BaseDirectory, "Fixtures", "real", name));
        var document = AnalysisDocument.From(KubeProxyAnalyzer.Analyze(rules), rules);
        return (document, AnalysisJson.Serialize(document));
    }

    [Fact]
    public void Serialize_AffinityFragment_ContractFieldsAndValues()
    {
        var (_, json) = Fixture("11-k8s111-openshift-affinity-3ep-nodeport-fragment.txt");
        using var parsed = JsonDocument.Parse(json);
        var root = parsed.RootElement;

        Assert.Equal("ipv4", root.GetProperty("family").GetString());
        Assert.Equal(16, root.GetProperty("summary").GetProperty("tables").GetProperty("nat").GetProperty("rules").GetInt32());
        Assert.Equal(16, root.GetProperty("summary").GetProperty("rules").GetInt32());
        Assert.Equal(1, root.GetProperty("summary").GetProperty("servicePorts").GetInt32());
        Assert.Equal(3, root.GetProperty("summary").GetProperty("endpoints").GetInt32());
        var port = root.GetProperty("servicePorts")[0];
        Assert.Equal("space22pbugsd/yibao-b:yibao-b", port.GetProperty("name").GetString());
        Assert.Equal("space22pbugsd", port.GetProperty("namespace").GetString());
        Assert.Equal("yibao-b", port.GetProperty("service").GetString());
        Assert.Equal("yibao-b", port.GetProperty("portName").GetString());
        Assert.Equal("tcp", port.GetProperty("protocol").GetString());
        Assert.Equal("10.100.218.244", port.GetProperty("clusterIP").GetString());
        Assert.Equal(13332, port.GetProperty("clusterPort").GetInt32());
        Assert.Equal(13332, port.GetProperty("nodePort").GetInt32());
        Assert.Equal(0, port.GetProperty("externalIPs").GetArrayLength());
        Assert.Equal(0, port.GetProperty("loadBalancerIPs").GetArrayLength());
        Assert.Equal(0, port.GetProperty("loadBalancerSourceRanges").GetArrayLength());
        Assert.Equal(10800, port.GetProperty("sessionAffinitySeconds").GetInt32());
        Assert.Equal("Cluster", port.GetProperty("externalTrafficPolicy").GetString());
        Assert.Equal("Cluster", port.GetProperty("internalTrafficPolicy").GetString());
        Assert.Equal("KUBE-SVC-TYE23RAXJNHAJ33G", port.GetProperty("chains").GetProperty("svc").GetString());
        Assert.Equal(JsonValueKind.Null, port.GetProperty("chains").GetProperty("svl").ValueKind);
        Assert.Equal(JsonValueKind.Null, port.GetProperty("chains").GetProperty("ext").ValueKind);
        Assert.Equal(JsonValueKind.Null, port.GetProperty("chains").GetProperty("fw").ValueKind);
        Assert.True(port.GetProperty("hasEndpoints").GetBoolean());
        var endpoint = port.GetProperty("endpoints")[0];
        Assert.Equal("10.243.1.179:13332", endpoint.GetProperty("address").GetString());
        Assert.Equal("KUBE-SEP-SRB22U7BNHNW5WLR", endpoint.GetProperty("chain").GetString());
        Assert.Equal(0.33332999982, endpoint.GetProperty("probability").GetDouble(), 1e-12);
        Assert.Equal(JsonValueKind.Null, endpoint.GetProperty("localProbability").ValueKind);
        Assert.Equal(JsonValueKind.Null, endpoint.GetProperty("connections").ValueKind);
        Assert.Equal(JsonValueKind.Null, endpoint.GetProperty("bytes").ValueKind);
        var finding = root.GetProperty("findings")[0];
        Assert.Equal("DanglingJump", finding.GetProperty("code").GetString());
        Assert.Equal("info", finding.GetProperty("severity").GetString());
        Assert.Equal("nat/KUBE-MARK-MASQ", finding.GetProperty("subject").GetString());
        Assert.False(string.IsNullOrEmpty(finding.GetProperty("message").GetString()));
    }

    [Fact]
    public void Serialize_SaveWithCounters_ConnectionsAndBytesOfTheDnat()
    {
        var (_, json) = Fixture("04-k3s-save-c-counters-no-endpoints-reject.txt");
        using var parsed = JsonDocument.Parse(json);

        var ports = parsed.RootElement.GetProperty("servicePorts");
        var api = ports.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "default/kubernetes:https");
        Assert.Equal(0, api.GetProperty("endpoints")[0].GetProperty("connections").GetInt64());
        Assert.Equal(0, api.GetProperty("endpoints")[0].GetProperty("bytes").GetInt64());
        var rejected = ports.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "kube-system/metrics-server:https");
        Assert.False(rejected.GetProperty("hasEndpoints").GetBoolean());
        Assert.Equal(JsonValueKind.Null, rejected.GetProperty("chains").GetProperty("svc").ValueKind);
        Assert.Equal(0, rejected.GetProperty("endpoints").GetArrayLength());
    }

    [Theory]
    [InlineData("03-kubeadm132-flannel-nftables-mangle-filter-nat.txt")]
    [InlineData("04-k3s-save-c-counters-no-endpoints-reject.txt")]
    [InlineData("11-k8s111-openshift-affinity-3ep-nodeport-fragment.txt")]
    [InlineData("14-k3s-metallb-etp-local-S-v-format-6ep.txt")]
    public void Deserialize_SerializedDocument_SameDocument(string fixture)
    {
        var (document, json) = Fixture(fixture);

        var back = AnalysisJson.Deserialize(json);

        Assert.Equal(json, AnalysisJson.Serialize(back));
        Assert.Equal(document.ServicePorts.Count, back.ServicePorts.Count);
        Assert.Equal(document.ServicePorts[0].Endpoints.Select(e => e.Probability), back.ServicePorts[0].Endpoints.Select(e => e.Probability));
    }

    [Theory]
    [InlineData("03-kubeadm132-flannel-nftables-mangle-filter-nat.txt", true)]
    [InlineData("04-k3s-save-c-counters-no-endpoints-reject.txt", true)]
    [InlineData("06-flannel-docker-nat-list-nv-nodeport.txt", false)]
    [InlineData("14-k3s-metallb-etp-local-S-v-format-6ep.txt", false)]
    public void SerializeToStream_Fixture_SameBytesAsTheWholeDocumentSerializer(string fixture, bool indented)
    {
        var (document, _) = Fixture(fixture);
        using var stream = new MemoryStream();

        AnalysisJson.Serialize(stream, document, indented);

        Assert.Equal(AnalysisJson.Serialize(document, indented), System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void SerializeToStream_EveryKindOfServicePort_SameBytesAsTheWholeDocumentSerializer(bool indented)
    {
        // NodePorts, load balancers with source ranges, external IPs, affinity, Local policies,
        // ports without endpoints, counters. (Escaping is the writer's, shared by both paths.)
        var cluster = ClusterSpecGenerator.Random(11, servicePorts: 300, endpointsPerService: 3, ClusterSpecGeneratorOptions.Mixed);
        var text = KubeProxyRulesWriter.Write(cluster, cluster.Nodes[0], RulesWriterOptions.Default with { Counters = RulesWriterOptions.RandomCounters(11) })
            + """
            *filter
            :KUBE-SERVICES - [0:0]
            -A KUBE-SERVICES -d 10.96.9.9/32 -p tcp -m comment --comment "ns/odd:p has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable
            COMMIT

            """;
        var rules = IptablesParser.Parse(text);
        var document = AnalysisDocument.From(KubeProxyAnalyzer.Analyze(rules), rules);
        Assert.Contains(document.ServicePorts, p => p.Name == "ns/odd:p" && !p.HasEndpoints);
        Assert.Contains(document.ServicePorts, p => p.LoadBalancerSourceRanges.Count > 0);
        Assert.Contains(document.ServicePorts, p => p.SessionAffinitySeconds is not null && p.NodePort is not null);
        Assert.Contains(document.ServicePorts, p => p.Endpoints.Any(e => e.Connections > 0 && e.LocalProbability is not null));
        using var stream = new MemoryStream();

        AnalysisJson.Serialize(stream, document, indented);

        Assert.Equal(AnalysisJson.Serialize(document, indented), System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void Deserialize_NotADocument_JsonException()
    {
        Assert.ThrowsAny<JsonException>(() => AnalysisJson.Deserialize("null"));
        Assert.ThrowsAny<JsonException>(() => AnalysisJson.Deserialize("{\"family\": "));
    }
}
