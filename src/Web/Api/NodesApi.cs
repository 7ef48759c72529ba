using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using NetView.Core.Analysis.Json;
using NetView.Core.Iptables;
using NetView.Core.KubeProxy;
using NetView.Web.Hosting;
using NetView.Web.Ingestion;
using NetView.Web.Storage;

namespace NetView.Web.Api;

/// <summary><c>GET /api/nodes</c> and <c>GET /api/nodes/{node}/analysis[?family=ipv4|ipv6]</c>.</summary>
internal static class NodesApi
{
    public static IEndpointRouteBuilder MapNodesApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/nodes", (ClusterState state) => Results.Ok(state.Nodes().Select(Document)));
        routes.MapGet("/api/nodes/{node}/analysis", Analysis);
        return routes;
    }

    private static IResult Analysis(string node, string? family, ClusterState state, AnalysisCache cache, IOptions<LivePathOptions> options)
    {
        if (state.Node(node) is not { } status)
        {
            return ApiProblems.NotFound($"no node named '{node}'");
        }

        IpFamily chosen;
        if (family is not null)
        {
            if (!ApiNames.TryParseFamily(family, out chosen))
            {
                return ApiProblems.BadRequest("family must be ipv4 or ipv6");
            }
        }
        else if (status.Families.Count > 0)
        {
            chosen = status.Families[0].Family;
        }
        else
        {
            return ApiProblems.NotFound($"node '{node}' has not sent a rule set yet");
        }

        if (state.RuleSet(node, chosen) is not { } ruleSet)
        {
            return ApiProblems.NotFound($"node '{node}' has no {ApiNames.Family(chosen)} rule set");
        }

        var json = cache.GetOrAdd(ruleSet, () => Render(ruleSet, options.Value.MaxSnapshotBytes));
        return Results.Text(json, "application/json");
    }

    /// <summary>The CLI's document for the rules with the node's current counters, plus <c>counterTimestamp</c>.</summary>
    private static string Render(NodeRuleSet ruleSet, long maxBytes)
    {
        var text = RuleText.Decompress(ruleSet.RuleSet.Compressed, maxBytes);
        var counted = ruleSet.CounterTimestamp is null ? Encoding.UTF8.GetString(text) : CountedRuleText.Build(text, ruleSet.Counters);
        var parsed = IptablesParser.Parse(counted);
        parsed.Family = ruleSet.Family;
        var document = AnalysisDocument.From(KubeProxyAnalyzer.Analyze(parsed), parsed);
        var json = JsonNode.Parse(AnalysisJson.Serialize(document, indented: false))!.AsObject();
        json["counterTimestamp"] = ruleSet.CounterTimestamp;
        return json.ToJsonString();
    }

    private static NodeDocument Document(NodeStatus node) => new(
        node.Name, node.Connected, node.LastSeen, node.Backend,
        node.Families.Count > 0 ? ApiNames.Family(node.Families[0].Family) : null,
        node.Rules, node.AgentVersion,
        [.. node.Families.Select(f => new FamilyDocument(ApiNames.Family(f.Family), f.Hash, f.Rules, f.ReceivedAt, f.CounterTimestamp))],
        node.FirstSeen, node.Interval?.TotalSeconds, node.ReadTime?.TotalMilliseconds, node.MixedBackends, node.Warning, node.Problem,
        node.LastRuleChange, node.RuleChanges, node.KubeProxy, node.Rejections, node.LastRejection);

    /// <summary>
    /// The last rendered document per node and family, reused while the counters have not moved:
    /// rendering parses the whole rule set again. Bounded by the number of nodes × 2.
    /// </summary>
    internal sealed class AnalysisCache
    {
        private readonly ConcurrentDictionary<(string, IpFamily), (string Hash, DateTimeOffset? At, string Json)> _documents = new();

        public string GetOrAdd(NodeRuleSet ruleSet, Func<string> render)
        {
            var key = (ruleSet.Node, ruleSet.Family);
            if (_documents.TryGetValue(key, out var cached) && cached.Hash == ruleSet.RuleSet.Hash && cached.At == ruleSet.CounterTimestamp)
            {
                return cached.Json;
            }

            var json = render();
            _documents[key] = (ruleSet.RuleSet.Hash, ruleSet.CounterTimestamp, json);
            return json;
        }
    }
}
