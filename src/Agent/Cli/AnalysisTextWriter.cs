using System.Globalization;
using NetView.Core.Analysis;
using NetView.Core.Iptables;
using NetView.Core.KubeProxy;

namespace NetView.Agent.Cli;

/// <summary>
/// The terminal form of an analysis: a summary line, a block per service port (entry points,
/// policies, affinity, endpoints with share bars and observed counts), then the findings.
/// Colours only when asked for (a terminal); every node-supplied string is cleaned first.
/// </summary>
internal sealed class AnalysisTextWriter(TextWriter output, bool colour)
{
    private const int BarWidth = 10;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private string Bold(string text) => colour ? "\e[1m" + text + "\e[0m" : text;
    private string Dim(string text) => colour ? "\e[2m" + text + "\e[0m" : text;
    private string Paint(string code, string text) => colour ? "\e[" + code + "m" + text + "\e[0m" : text;

    public void Write(KubeProxyAnalysis analysis, RuleSet ruleSet)
    {
        WriteSummary(analysis, ruleSet);
        foreach (var port in analysis.ServicePorts)
        {
            output.WriteLine();
            WriteServicePort(port, ruleSet.HasCounters);
        }

        WriteFindings(analysis.Findings);
        output.Flush();
    }

    private void WriteSummary(KubeProxyAnalysis analysis, RuleSet ruleSet)
    {
        var mode = analysis.Mode switch
        {
            ProxyMode.Iptables => "kube-proxy iptables mode",
            ProxyMode.Ipvs => "kube-proxy IPVS mode (services live in IPVS, not in these rules)",
            _ => "no kube-proxy rules",
        };
        var family = analysis.Family == IpFamily.IPv6 ? "IPv6" : "IPv4";
        var cidr = analysis.ClusterCidr is null ? "" : " · cluster CIDR " + TerminalText.Clean(analysis.ClusterCidr);
        output.WriteLine(Bold($"{Count(analysis.Summary.ServicePorts, "service port")}, {Count(analysis.Summary.Endpoints, "endpoint")}") + $" · {mode} · {family}{cidr}");

        var tables = new List<string>(analysis.Summary.Tables.Count);
        foreach (var table in analysis.Summary.Tables)
        {
            tables.Add($"{TerminalText.Clean(table.Name)} {table.Rules.ToString("N0", Invariant)}");
        }

        var backend = ruleSet.Backend is null ? "" : ", " + TerminalText.Clean(ruleSet.Backend);
        var counters = ruleSet.HasCounters ? ", with counters" : "";
        output.WriteLine(Dim($"{analysis.Summary.Rules.ToString("N0", Invariant)} rules ({string.Join(", ", tables)}) · {ruleSet.Format}{backend}{counters}"));
    }

    private void WriteServicePort(ServicePort port, bool hasCounters)
    {
        var proto = TerminalText.Clean(port.Protocol);
        output.WriteLine(Bold(TerminalText.Clean(port.Name)) + "  " + proto.ToUpperInvariant());
        if (port.ClusterIP is not null)
        {
            Field("ClusterIP", $"{TerminalText.Clean(port.ClusterIP)}:{port.ClusterPort}/{proto}");
        }

        if (port.NodePort is { } nodePort)
        {
            Field("NodePort", $"{nodePort}/{proto}");
        }

        if (port.ExternalIPs.Count > 0)
        {
            Field("external IPs", JoinAddresses(port.ExternalIPs, port.ClusterPort, proto));
        }

        if (port.LoadBalancerIPs.Count > 0)
        {
            Field("LB IPs", JoinAddresses(port.LoadBalancerIPs, port.ClusterPort, proto));
        }

        if (port.LoadBalancerSourceRanges.Count > 0)
        {
            Field("LB sources", TerminalText.Clean(string.Join(", ", port.LoadBalancerSourceRanges)));
        }

        var health = port.HealthCheckNodePort is { } check ? $" · health check node port {check}" : "";
        Field("policies", $"external {port.ExternalTrafficPolicy}, internal {port.InternalTrafficPolicy}{health}");
        if (port.SessionAffinitySeconds is { } seconds)
        {
            Field("affinity", $"ClientIP, {seconds} s");
        }

        var chains = Chains(port.Chains);
        Field("chains", chains.Count == 0 ? Dim("none in nat") : Dim(TerminalText.Clean(string.Join(" ", chains))));
        if (!port.HasEndpoints)
        {
            Field("endpoints", Paint("31", "none: kube-proxy rejects connections (has no endpoints)"));
            return;
        }

        if (!port.HasLocalEndpoints)
        {
            Field("local", Paint("33", "no endpoint on this node: Local-policy traffic is dropped here"));
        }

        WriteEndpoints(port, hasCounters);
    }

    private void WriteEndpoints(ServicePort port, bool hasCounters)
    {
        if (port.Endpoints.Count == 0)
        {
            Field("endpoints", Dim("none in these rules"));
            return;
        }

        long total = 0;
        foreach (var endpoint in port.Endpoints)
        {
            total += endpoint.Connections ?? 0;
        }

        var width = 8;
        foreach (var endpoint in port.Endpoints)
        {
            width = Math.Max(width, endpoint.Address.Length);
        }

        var hasLocal = port.Chains.Svl is not null || port.Chains.Xlb is not null;
        output.WriteLine(Dim($"    {"endpoint".PadRight(width)}  {"cluster share",-30}" + (hasLocal ? $"{"local share",-30}" : "") + (hasCounters ? "connections (counted)" : "")));
        foreach (var endpoint in port.Endpoints)
        {
            output.Write("    ");
            output.Write(TerminalText.Clean(endpoint.Address).PadRight(width));
            output.Write("  ");
            output.Write(Share(endpoint.Probability));
            if (hasLocal)
            {
                output.Write(Share(endpoint.LocalProbability));
            }

            if (hasCounters && endpoint.Connections is { } connections)
            {
                var observed = total > 0 ? $" ({(100.0 * connections / total).ToString("0.0", Invariant)}%)" : "";
                output.Write($"{connections.ToString("N0", Invariant)}{observed}");
            }

            output.WriteLine();
        }
    }

    /// <summary>A bar, the share in percent, and the exact value: 30 columns.</summary>
    private string Share(double? share)
    {
        if (share is not { } value)
        {
            return Dim("—".PadRight(30));
        }

        var filled = (int)Math.Round(Math.Clamp(value, 0, 1) * BarWidth);
        var bar = Paint("32", new string('█', filled)) + Dim(new string('░', BarWidth - filled));
        var percent = (value * 100).ToString("0.0", Invariant).PadLeft(5) + "%";
        var exact = value.ToString("0.00000000000", Invariant);
        return $"{bar} {percent} {Dim(exact)} ";
    }

    private void WriteFindings(IReadOnlyList<Finding> findings)
    {
        output.WriteLine();
        if (findings.Count == 0)
        {
            output.WriteLine(Bold("No findings."));
            return;
        }

        output.WriteLine(Bold($"Findings ({findings.Count})"));
        foreach (var finding in findings)
        {
            var severity = finding.Severity switch
            {
                FindingSeverity.Error => Paint("31;1", "error  "),
                FindingSeverity.Warning => Paint("33;1", "warning"),
                _ => Paint("36", "info   "),
            };
            output.WriteLine($"  {severity} {Bold(finding.Code)}  {TerminalText.Clean(finding.Subject)}");
            output.WriteLine($"          {TerminalText.Clean(finding.Message)}");
            foreach (var evidence in finding.Evidence)
            {
                var where = evidence.Rule.Length > 0 ? evidence.Rule + " " : "";
                var text = evidence.Text.Length > 0 ? ": " + evidence.Text : "";
                output.WriteLine(Dim($"          {TerminalText.Clean(where)}(line {evidence.Line}){TerminalText.Clean(text)}"));
            }

            if (finding.NextStep is not null)
            {
                output.WriteLine($"          → {TerminalText.Clean(finding.NextStep)}");
            }
        }
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count.ToString("N0", Invariant)} {noun}s";

    private void Field(string name, string value) => output.WriteLine($"  {Dim(name.PadRight(13))}{value}");

    private static string JoinAddresses(IReadOnlyList<string> addresses, int? port, string protocol)
    {
        var parts = new string[addresses.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = TerminalText.Clean(addresses[i]) + (port is null ? "" : $":{port}/{protocol}");
        }

        return string.Join(", ", parts);
    }

    private static List<string> Chains(ServicePortChains chains)
    {
        var names = new List<string>(5);
        foreach (var chain in (ReadOnlySpan<string?>)[chains.Svc, chains.Svl, chains.Ext, chains.Fw, chains.Xlb])
        {
            if (chain is not null)
            {
                names.Add(chain);
            }
        }

        return names;
    }
}
