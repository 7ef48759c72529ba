namespace NetView.Core.Iptables.Parsing;

/// <summary>
/// Options known to take a value. iptables-save leaves a value unquoted when it has only letters,
/// digits, '-' and '_', so a comment such as <c>--comment -x</c> looks like an option; for these
/// options the next word is their value whatever it looks like, as getopt reads it.
/// </summary>
internal static class OptionArity
{
    public static bool TakesValue(string option) => option switch
    {
        "--comment" or "--dport" or "--sport" or "--dports" or "--sports" or "--ports" or "--destination-port"
            or "--source-port" or "--mode" or "--probability" or "--every" or "--packet" or "--seconds"
            or "--hitcount" or "--name" or "--mask" or "--src-type" or "--dst-type" or "--mark" or "--ctstate"
            or "--ctstatus" or "--state" or "--match-set" or "--limit" or "--limit-burst" or "--to-destination"
            or "--to-source" or "--to-ports" or "--to" or "--set-xmark" or "--set-mark" or "--or-mark"
            or "--and-mark" or "--xor-mark" or "--reject-with" or "--log-prefix" or "--log-level"
            or "--physdev-in" or "--physdev-out" or "--icmp-type" or "--uid-owner" or "--gid-owner" => true,
        _ => false,
    };
}
