using System.Globalization;
using System.Net;
using NetView.Core.Iptables;

namespace NetView.Core.Analysis.Tracing;

/// <summary>
/// What each target does to a packet and to the walk: verdicts end it, NAT targets rewrite the
/// packet and end the hook, MARK and CONNMARK change marks, LOG only notes.
/// </summary>
internal sealed class TargetEffects(TraceContext context)
{
    public TargetEffect Apply(Rule rule, PacketState state)
    {
        var target = rule.Target;
        switch (target.Name)
        {
            case "":
                return Continue(state);
            case "ACCEPT":
                return new(TargetEffectKind.EndHook, rule.Table == "filter" ? state with { AcceptedByRule = true } : state);
            case "DROP":
                return Final(state.Note($"dropped by {rule.Reference}"), Verdicts.Drop);
            case "REJECT":
                var with = target.Option("--reject-with")?.Value ?? "icmp-port-unreachable";
                return Final(state.Note($"rejected by {rule.Reference} ({with}){CommentOf(rule)}"), Verdicts.Reject);
            case "RETURN":
                return new(TargetEffectKind.Return, state);
            case "DNAT":
                return Dnat(rule, state);
            case "REDIRECT":
                return Redirect(rule, state);
            case "SNAT":
                var to = target.Option("--to-source")?.Value;
                var snatted = TryEndpoint(to, out var address, out _) ? state with { Source = address } : state;
                return new(TargetEffectKind.EndHook, snatted.Note($"SNAT by {rule.Reference} to {to}: the destination sees {to}, not the client") with { Snat = true, Masquerade = true });
            case "MASQUERADE":
                var nodeAddress = context.NodeAddresses.FirstOrDefault(a => !IPAddress.IsLoopback(a));
                var masqueraded = nodeAddress is null ? state : state with { Source = nodeAddress };
                return new(TargetEffectKind.EndHook, masqueraded.Note($"masqueraded by {rule.Reference}: the source becomes the node's address on the way out, so the endpoint sees the node, not the client") with { Snat = true, Masquerade = true });
            case "MARK":
                return Continue(Marked(rule, state, state.Mark, (s, m) => s with { Mark = m }));
            case "CONNMARK":
                return Continue(ConnMarked(rule, state));
            case "NOTRACK":
                return Continue(state.Note($"{rule.Reference}: NOTRACK, so the connection is untracked and no nat rule sees it") with { Untracked = true });
            case "CT" when target.Option("--notrack") is not null:
                return Continue(state.Note($"{rule.Reference}: CT --notrack, so the connection is untracked and no nat rule sees it") with { Untracked = true });
            case "LOG" or "NFLOG" or "ULOG" or "TRACE" or "AUDIT":
                return Continue(state.Note($"logged by {rule.Reference} ({target.Name}); the packet continues"));
            case "QUEUE" or "NFQUEUE":
                return Final(state.Note($"{rule.Reference} hands the packet to a userspace program ({target.Name}), which decides its fate"), Verdicts.Queue);
            default:
                return Continue(state.Note(target.IsBuiltin
                    ? $"{rule.Reference}: target {target.Name} is not modelled by the trace; it is taken not to change where the packet goes"
                    : $"{rule.Reference} jumps to {target.Name}, which does not exist (a dangling jump); the trace continues as if it were empty"));
        }
    }

    private static TargetEffect Continue(PacketState state) => new(TargetEffectKind.Continue, state);

    private static TargetEffect Final(PacketState state, string verdict) => new(TargetEffectKind.Final, state, verdict);

    private static string CommentOf(Rule rule) => rule.Comment is { } comment ? $": \"{comment}\"" : "";

    private static TargetEffect Dnat(Rule rule, PacketState state)
    {
        var to = rule.Target.Option("--to-destination")?.Value;
        if (!TryEndpoint(to, out var address, out var port))
        {
            return Continue(state.Note($"{rule.Reference}: DNAT to '{to}' is not an address the trace understands; the destination is left as it was"));
        }

        var rewritten = state with { Destination = address, DestinationPort = port ?? state.DestinationPort, Dnat = true };
        var range = to!.Contains('-', StringComparison.Ordinal) ? " (a range: the trace takes its first address and port)" : "";
        return new(TargetEffectKind.EndHook, rewritten.Note($"DNAT by {rule.Reference} to {Endpoint.Format(rewritten.Destination, rewritten.DestinationPort)}{range}"));
    }

    private TargetEffect Redirect(Rule rule, PacketState state)
    {
        var ports = rule.Target.Option("--to-ports")?.Value;
        var port = ports is not null && int.TryParse(ports.Split('-')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : state.DestinationPort;
        var address = state.InInterface is null || context.NodeAddresses.Count == 0
            ? (state.Destination.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? IPAddress.IPv6Loopback : IPAddress.Loopback)
            : context.NodeAddresses[0];
        var rewritten = state with { Destination = address, DestinationPort = port, Dnat = true };
        return new(TargetEffectKind.EndHook, rewritten.Note($"REDIRECT by {rule.Reference} to this node, port {port}"));
    }

    private static PacketState ConnMarked(Rule rule, PacketState state)
    {
        var target = rule.Target;
        if (target.Option("--save-mark") is not null)
        {
            return state with { ConnMark = state.Mark };
        }

        if (target.Option("--restore-mark") is not null)
        {
            return state with { Mark = state.ConnMark };
        }

        return Marked(rule, state, state.ConnMark, (s, m) => s with { ConnMark = m });
    }

    // --set-xmark v/m: zero the mask bits then XOR v; --set-mark v/m: zero the mask bits then OR v.
    private static PacketState Marked(Rule rule, PacketState state, uint current, Func<PacketState, uint, PacketState> store)
    {
        foreach (var option in rule.Target.Options)
        {
            if (!MarkValue.TryParse(option.Value, out var value, out var mask))
            {
                continue;
            }

            uint? next = option.Name switch
            {
                "--set-xmark" => (current & ~mask) ^ value,
                "--set-mark" => (current & ~mask) | value,
                "--or-mark" => current | value,
                "--and-mark" => current & value,
                "--xor-mark" => current ^ value,
                _ => null,
            };
            if (next is { } mark)
            {
                return store(state, mark).Note($"{rule.Reference} sets the {(rule.TargetName == "MARK" ? "packet" : "connection")} mark to {MarkValue.Format(mark)}");
            }
        }

        return state.Note($"{rule.Reference}: {rule.TargetName} options not understood; the mark is left as it was");
    }

    private static bool TryEndpoint(string? text, out IPAddress address, out int? port) =>
        Endpoint.TryParse(text, out address, out port);
}
