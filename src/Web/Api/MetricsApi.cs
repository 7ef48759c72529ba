using System.Globalization;
using System.Text;
using NetView.Core.Iptables;
using NetView.Web.Ingestion;

namespace NetView.Web.Api;

/// <summary>
/// <c>GET /metrics</c>: Prometheus text exposition of per-node, per-service and per-endpoint
/// figures, so existing alerting can watch what NetView sees. Label values come from nodes and are
/// untrusted: they are escaped as the exposition format requires.
/// </summary>
internal static class MetricsApi
{
    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/metrics", (ClusterState state) =>
            Results.Text(Render(state.Nodes(), state.Services()), "text/plain; version=0.0.4; charset=utf-8"));
        return routes;
    }

    internal static string Render(IReadOnlyList<NodeStatus> nodes, IReadOnlyList<ServicePortTotals> services)
    {
        var text = new StringBuilder(4096);

        Header(text, "netview_node_connected", "gauge", "1 while the node's agent is connected.");
        foreach (var node in nodes)
        {
            Sample(text, "netview_node_connected", [("node", node.Name)], node.Connected ? 1 : 0);
        }

        Header(text, "netview_node_last_seen_timestamp_seconds", "gauge", "When the node's agent was last heard from.");
        foreach (var node in nodes)
        {
            Sample(text, "netview_node_last_seen_timestamp_seconds", [("node", node.Name)], node.LastSeen.ToUnixTimeMilliseconds() / 1000.0);
        }

        Header(text, "netview_node_rules", "gauge", "Rules in the node's rule set, per address family.");
        foreach (var node in nodes)
        {
            foreach (var family in node.Families)
            {
                Sample(text, "netview_node_rules", [("node", node.Name), ("family", Family(family.Family))], family.Rules);
            }
        }

        Header(text, "netview_node_read_seconds", "gauge", "How long the agent's last iptables-save took.");
        foreach (var node in nodes.Where(n => n.ReadTime is not null))
        {
            Sample(text, "netview_node_read_seconds", [("node", node.Name)], node.ReadTime!.Value.TotalSeconds);
        }

        Header(text, "netview_node_rule_changes_total", "counter", "Rule-set changes received from the node.");
        foreach (var node in nodes)
        {
            Sample(text, "netview_node_rule_changes_total", [("node", node.Name)], node.RuleChanges);
        }

        Header(text, "netview_node_rejected_frames_total", "counter", "Frames from the node's agent the server refused.");
        foreach (var node in nodes)
        {
            Sample(text, "netview_node_rejected_frames_total", [("node", node.Name)], node.Rejections);
        }

        Header(text, "netview_service_endpoints", "gauge", "Endpoints kube-proxy programmed for the service port, over all nodes.");
        foreach (var service in services)
        {
            Sample(text, "netview_service_endpoints", ServiceLabels(service), service.Endpoints.Count);
        }

        Header(text, "netview_service_has_endpoints", "gauge", "0 where kube-proxy wrote its 'has no endpoints' REJECT.");
        foreach (var service in services)
        {
            Sample(text, "netview_service_has_endpoints", ServiceLabels(service), service.Port.HasEndpoints ? 1 : 0);
        }

        // nat rules see only the first packet of a connection: these DNAT counters count connections.
        Header(text, "netview_endpoint_connections_total", "counter", "New connections DNATed to the endpoint (nat counters), per node.");
        foreach (var service in services)
        {
            foreach (var endpoint in service.Endpoints)
            {
                foreach (var node in endpoint.Nodes.Where(n => n.Connections is not null))
                {
                    Sample(text, "netview_endpoint_connections_total",
                        [.. ServiceLabels(service), ("endpoint", endpoint.Address), ("node", node.Node)], node.Connections!.Value);
                }
            }
        }

        Header(text, "netview_endpoint_expected_share", "gauge", "The endpoint's share of the service chain's new connections, from the statistic cascade.");
        foreach (var service in services)
        {
            foreach (var endpoint in service.Endpoints.Where(e => e.Probability is not null))
            {
                Sample(text, "netview_endpoint_expected_share", [.. ServiceLabels(service), ("endpoint", endpoint.Address)], endpoint.Probability!.Value);
            }
        }

        return text.ToString();
    }

    private static (string, string)[] ServiceLabels(ServicePortTotals service) =>
        [("service_port", service.Port.Name), ("namespace", service.Port.Namespace), ("service", service.Port.Service), ("protocol", service.Port.Protocol)];

    private static string Family(IpFamily family) => family == IpFamily.IPv6 ? "ipv6" : "ipv4";

    private static void Header(StringBuilder text, string name, string type, string help) =>
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n')
            .Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');

    private static void Sample(StringBuilder text, string name, (string Name, string Value)[] labels, double value)
    {
        text.Append(name).Append('{');
        for (var i = 0; i < labels.Length; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(labels[i].Name).Append("=\"");
            AppendEscaped(text, labels[i].Value);
            text.Append('"');
        }

        text.Append("} ").Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
    }

    /// <summary>The exposition format's label escaping: backslash, double quote and line feed.</summary>
    internal static void AppendEscaped(StringBuilder text, string value)
    {
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': text.Append(@"\\"); break;
                case '"': text.Append("\\\""); break;
                case '\n': text.Append(@"\n"); break;
                default: text.Append(c); break;
            }
        }
    }
}
