using System.Net.Sockets;
using NetView.Core.Analysis.Tracing;
using NetView.Core.Iptables;
using NetView.Core.KubeProxy;

namespace NetView.Web.ViewModels;

/// <summary>
/// A trace of one packet through one node's rules, shaped for the page: outcomes by probability,
/// each with its path (rule text, table/chain#n) and the service ports whose chains it crossed, so
/// the page can link to their flow graphs.
/// </summary>
public sealed record TraceView(TraceResult Result, IReadOnlyList<TraceOutcomeView> Outcomes)
{
    public static TraceView Run(NodeRuleSets node, TracePacket packet, out string? error)
    {
        var family = packet.Destination.AddressFamily == AddressFamily.InterNetworkV6 ? IpFamily.IPv6 : IpFamily.IPv4;
        if (node.Family(family) is not { } rules)
        {
            error = $"node '{node.Node}' has no {(family == IpFamily.IPv6 ? "IPv6" : "IPv4")} rules";
            return new TraceView(new TraceResult(packet, [], []), []);
        }

        error = null;
        var result = PacketTracer.Trace(rules.Rules, packet);
        var serviceByChain = ServicesByChain(rules.Analysis);
        var outcomes = result.Outcomes
            .OrderByDescending(o => o.Probability)
            .Select(o => new TraceOutcomeView(
                o,
                o.Rules.Select(r => r.Chain).Distinct()
                    .Select(chain => serviceByChain.GetValueOrDefault(chain))
                    .OfType<ServicePort>().Distinct().ToArray()))
            .ToArray();
        return new TraceView(result, outcomes);
    }

    private static Dictionary<string, ServicePort> ServicesByChain(KubeProxyAnalysis analysis)
    {
        var byChain = new Dictionary<string, ServicePort>(StringComparer.Ordinal);
        foreach (var port in analysis.ServicePorts)
        {
            foreach (var chain in new[] { port.Chains.Svc, port.Chains.Svl, port.Chains.Ext, port.Chains.Fw, port.Chains.Xlb })
            {
                if (chain is not null)
                {
                    byChain.TryAdd(chain, port);
                }
            }
        }

        return byChain;
    }
}
