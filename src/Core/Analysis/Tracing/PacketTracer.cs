using System.Net.Sockets;
using NetView.Core.Iptables;

namespace NetView.Core.Analysis.Tracing;

/// <summary>
/// Follows the first packet of a new connection through a node's rules, the way the kernel walks
/// them: raw and mangle where present, nat PREROUTING (or OUTPUT for the host's own traffic), the
/// routing decision, filter INPUT/FORWARD/OUTPUT, nat POSTROUTING. Where the rules choose by chance
/// (<c>statistic</c>) or by what the trace cannot see (rate limits, ipsets, affinity) it follows
/// every branch, weighted; the outcomes' probabilities sum to 1.
/// </summary>
public static class PacketTracer
{
    private static readonly string[] Protocols = ["tcp", "udp", "sctp"];

    public static TraceResult Trace(RuleSet rules, TracePacket packet, TraceLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(packet);
        Validate(packet);
        limits ??= TraceLimits.Default;

        var context = new TraceContext(packet);
        var first = new TraceWalk(rules, context, limits);
        var branches = first.Run(Initial(packet));
        var walk = first;
        if (context.SawAffinity && AffinityShares(branches) is { Count: > 0 } shares)
        {
            context.AffinityShares = shares;
            walk = new TraceWalk(rules, context, limits);
            branches = walk.Run(Initial(packet));
        }

        var notes = Notes(rules, packet, walk);
        return new TraceResult(packet, Merge(branches), notes);
    }

    private static void Validate(TracePacket packet)
    {
        if (!Protocols.Contains(packet.Protocol))
        {
            throw new ArgumentException($"Protocol '{packet.Protocol}' is not one of tcp, udp, sctp.", nameof(packet));
        }

        if (packet.DestinationPort is < 0 or > 65535 || packet.SourcePort is < 0 or > 65535)
        {
            throw new ArgumentException("Ports lie between 0 and 65535.", nameof(packet));
        }

        if (packet.Source.AddressFamily != packet.Destination.AddressFamily)
        {
            throw new ArgumentException($"Source {packet.Source} and destination {packet.Destination} are of different address families.", nameof(packet));
        }
    }

    private static PacketState Initial(TracePacket packet) => new()
    {
        Source = packet.Source,
        Destination = packet.Destination,
        SourcePort = packet.SourcePort ?? TracePacket.DefaultSourcePort,
        DestinationPort = packet.DestinationPort,
        Protocol = packet.Protocol,
        OriginalSource = packet.Source,
        OriginalDestination = packet.Destination,
        OriginalDestinationPort = packet.DestinationPort,
        InInterface = packet.InInterface ?? packet.Origin switch
        {
            PacketOrigin.External => "eth0",
            PacketOrigin.Pod => "cni0",
            _ => null,
        },
        Hooks = HookPlan.Start(packet.Origin),
    };

    // Where first connections go decides which endpoint a returning client is stuck to.
    private static Dictionary<string, double> AffinityShares(IReadOnlyList<FinishedBranch> branches)
    {
        var shares = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var branch in branches)
        {
            foreach (var list in Trail<string>.ToList(branch.State.RecentLists))
            {
                shares[list] = shares.GetValueOrDefault(list) + branch.State.Probability;
            }
        }

        return shares;
    }

    private static List<TraceOutcome> Merge(IReadOnlyList<FinishedBranch> branches)
    {
        var merged = new Dictionary<string, (TraceOutcome Outcome, List<string> Notes)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var branch in branches)
        {
            var state = branch.State;
            var verdict = branch.Verdict.Length > 0 ? branch.Verdict
                : state.Dnat ? Verdicts.Dnat
                : state.AcceptedByRule ? Verdicts.Accept
                : Verdicts.ReturnToPolicy;
            var delivered = verdict is Verdicts.Dnat or Verdicts.Accept or Verdicts.ReturnToPolicy;
            var destination = delivered ? Endpoint.Format(state.Destination, state.DestinationPort) : null;
            var rules = Trail<Rule>.ToList(state.Path);
            var key = $"{verdict}|{destination}|{state.Masquerade}|{string.Join(' ', rules.Select(r => r.Reference))}";
            var notes = Trail<string>.ToList(state.Notes);
            if (merged.TryGetValue(key, out var existing))
            {
                existing.Notes.AddRange(notes.Where(n => !existing.Notes.Contains(n)));
                merged[key] = (existing.Outcome with { Probability = existing.Outcome.Probability + state.Probability }, existing.Notes);
                continue;
            }

            order.Add(key);
            merged[key] = (new TraceOutcome(state.Probability, verdict, destination, state.Masquerade, rules, []), notes);
        }

        return order
            .Select(k => merged[k].Outcome with { Explanations = merged[k].Notes })
            .OrderByDescending(o => o.Probability)
            .ThenBy(o => o.Destination, StringComparer.Ordinal)
            .ToList();
    }

    private static List<string> Notes(RuleSet rules, TracePacket packet, TraceWalk walk)
    {
        var notes = new List<string>();
        var family = packet.Source.AddressFamily == AddressFamily.InterNetworkV6 ? IpFamily.IPv6 : IpFamily.IPv4;
        if (family != rules.Family)
        {
            notes.Add($"The packet is {family} but the rules are {rules.Family}: {(family == IpFamily.IPv6 ? "ip6tables-save" : "iptables-save")} holds the rules that apply to it.");
        }

        if (packet.NodeAddressList.Count == 0)
        {
            notes.Add("No node address given (--node-ip): only loopback counts as LOCAL, so NodePort traffic to the node's own address is not recognised.");
        }

        if (packet.InInterface is null && packet.Origin != PacketOrigin.Local)
        {
            notes.Add($"Assumed the packet arrives on {(packet.Origin == PacketOrigin.External ? "eth0" : "cni0")} for -i matches.");
        }

        if (walk.BranchLimitReached)
        {
            notes.Add("The trace reached its branch limit: later uncertain matches were assumed not to match.");
        }

        if (walk.StepLimitReached)
        {
            notes.Add("The trace reached its step limit: the remaining branches are INCOMPLETE.");
        }

        return notes;
    }
}
