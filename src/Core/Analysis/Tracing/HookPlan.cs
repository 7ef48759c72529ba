namespace NetView.Core.Analysis.Tracing;

/// <summary>
/// The order in which netfilter's hooks and tables see a packet (raw, mangle, nat, filter,
/// security), before and after the routing decision.
/// </summary>
internal static class HookPlan
{
    private static readonly HookStep[] Prerouting = [new("raw", "PREROUTING"), new("mangle", "PREROUTING"), new("nat", "PREROUTING")];
    private static readonly HookStep[] LocalOutput = [new("raw", "OUTPUT"), new("mangle", "OUTPUT"), new("nat", "OUTPUT")];
    private static readonly HookStep[] FilterOutput = [new("filter", "OUTPUT"), new("security", "OUTPUT")];
    private static readonly HookStep[] Input = [new("mangle", "INPUT"), new("filter", "INPUT"), new("security", "INPUT"), new("nat", "INPUT")];
    private static readonly HookStep[] Forward = [new("mangle", "FORWARD"), new("filter", "FORWARD"), new("security", "FORWARD")];
    private static readonly HookStep[] Postrouting = [new("mangle", "POSTROUTING"), new("nat", "POSTROUTING")];

    /// <summary>Hooks up to and including the routing decision that follows destination NAT.</summary>
    public static IReadOnlyList<HookStep> Start(PacketOrigin origin) => origin == PacketOrigin.Local
        ? [HookStep.Routing, .. LocalOutput, HookStep.Routing]
        : [.. Prerouting, HookStep.Routing];

    /// <summary>Hooks after routing decided where the (possibly rewritten) destination lives.</summary>
    public static IReadOnlyList<HookStep> AfterRouting(PacketOrigin origin, bool toLocalAddress) => (origin, toLocalAddress) switch
    {
        // Loopback: out through POSTROUTING, back in through INPUT.
        (PacketOrigin.Local, true) => [.. FilterOutput, .. Postrouting, .. Input],
        (PacketOrigin.Local, false) => [.. FilterOutput, .. Postrouting],
        (_, true) => Input,
        _ => [.. Forward, .. Postrouting],
    };
}
