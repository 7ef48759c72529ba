namespace NetView.Core.Iptables;

/// <summary>
/// What a rule does when it matches: a verdict (ACCEPT, DROP, RETURN), an extension target
/// (DNAT, SNAT, MASQUERADE, MARK, REJECT, LOG, ...) with its options, or a user chain.
/// </summary>
public sealed record Target(TargetKind Kind, string Name, IReadOnlyList<MatchOption> Options)
{
    public static readonly Target None = new(TargetKind.None, "", []);

    /// <summary>The first option with this name (e.g. <c>--to-destination</c>), or null.</summary>
    public MatchOption? Option(string name)
    {
        // Indexed: foreach over an IReadOnlyList boxes an enumerator, and these run for every rule.
        for (var i = 0; i < Options.Count; i++)
        {
            var option = Options[i];
            if (option.Name == name)
            {
                return option;
            }
        }

        return null;
    }

    /// <summary>True for the targets built into iptables or provided by an extension, as opposed to a user chain.</summary>
    public bool IsBuiltin => IsBuiltinName(Name);

    internal static bool IsBuiltinName(string name) => name is "ACCEPT" or "DROP" or "RETURN" or "QUEUE" or "NFQUEUE"
        or "DNAT" or "SNAT" or "MASQUERADE" or "REDIRECT" or "NETMAP" or "MARK" or "CONNMARK"
        or "REJECT" or "LOG" or "NFLOG" or "ULOG" or "TRACE" or "CT" or "NOTRACK" or "TPROXY"
        or "TCPMSS" or "TOS" or "DSCP" or "CLASSIFY" or "CHECKSUM" or "SET" or "AUDIT" or "TEE"
        or "CLUSTERIP" or "HMARK" or "IDLETIMER" or "LED" or "SECMARK" or "CONNSECMARK" or "SYNPROXY"
        or "TTL" or "HL" or "ECN" or "MIRROR" or "RATEEST" or "TCPOPTSTRIP";
}
