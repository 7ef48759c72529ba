using NetView.Core.Iptables;
using NetView.Core.KubeProxy;

namespace NetView.Core.Analysis.Json;

/// <summary>
/// The <c>analyze --json</c> document of docs/CONTRACTS.md: what the CLI prints, the HTTP API
/// returns and the tests read back. Field names and nulls follow the contract; <c>mode</c>,
/// <c>clusterCidr</c>, <c>input</c> and the extra per-port and per-finding fields extend it.
/// </summary>
public sealed record AnalysisDocument(
    string Family,
    string Mode,
    string? ClusterCidr,
    InputDocument Input,
    SummaryDocument Summary,
    IReadOnlyList<ServicePortDocument> ServicePorts,
    IReadOnlyList<FindingDocument> Findings)
{
    public static AnalysisDocument From(KubeProxyAnalysis analysis, RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(ruleSet);
        var tables = new Dictionary<string, TableDocument>(analysis.Summary.Tables.Count, StringComparer.Ordinal);
        foreach (var table in analysis.Summary.Tables)
        {
            tables[table.Name] = new TableDocument(table.Chains, table.Rules);
        }

        var findings = new FindingDocument[analysis.Findings.Count];
        for (var i = 0; i < findings.Length; i++)
        {
            findings[i] = FindingDocument.From(analysis.Findings[i]);
        }

        return new AnalysisDocument(
            analysis.Family == IpFamily.IPv6 ? "ipv6" : "ipv4",
            analysis.Mode switch
            {
                ProxyMode.Iptables => "iptables",
                ProxyMode.Ipvs => "ipvs",
                _ => "none",
            },
            analysis.ClusterCidr,
            new InputDocument(FormatName(ruleSet.Format), ruleSet.Backend, ruleSet.HasCounters),
            new SummaryDocument(tables, analysis.Summary.Rules, analysis.Summary.ServicePorts, analysis.Summary.Endpoints),
            new ProjectedList<ServicePort, ServicePortDocument>(analysis.ServicePorts, ServicePortDocument.From),
            findings);
    }

    private static string FormatName(InputFormat format) => format switch
    {
        InputFormat.Save => "save",
        InputFormat.SaveWithCounters => "save-c",
        InputFormat.RuleSpecs => "rule-specs",
        InputFormat.Listing => "listing",
        _ => "fragment",
    };
}
