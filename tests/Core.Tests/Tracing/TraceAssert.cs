using System.Globalization;
using System.Net;
using NetView.Core.Analysis.Tracing;
using NetView.Core.Iptables;

namespace NetView.Core.Tests.Tracing;

/// <summary>Runs traces and writes their outcomes as short lines a test can compare literally.</summary>
internal static class TraceAssert
{
    public static TraceResult Trace(string dump, string src, string dst, int dport, string proto = "tcp", PacketOrigin from = PacketOrigin.Pod, int? sport = null)
    {
        var rules = IptablesParser.Parse(dump);
        var packet = new TracePacket(IPAddress.Parse(src), IPAddress.Parse(dst), dport, sport, proto, from, [IPAddress.Parse(NodeDump.NodeIp)]);
        var result = PacketTracer.Trace(rules, packet);
        Assert.Equal(1.0, result.Outcomes.Sum(o => o.Probability), 1e-9);
        return result;
    }

    /// <summary>"0.5 DNAT 10.244.1.5:8080 masq" per outcome, probabilities of equal lines summed.</summary>
    public static string[] Lines(TraceResult result) => result.Outcomes
        .GroupBy(o => $"{o.Verdict} {o.Destination ?? "-"}{(o.Masquerade ? " masq" : "")}")
        .Select(g => $"{g.Sum(o => o.Probability).ToString("0.####", CultureInfo.InvariantCulture)} {g.Key}")
        .OrderBy(l => l, StringComparer.Ordinal)
        .ToArray();
}
