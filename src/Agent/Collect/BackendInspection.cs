namespace NetView.Agent.Collect;

/// <summary>What one backend holds, counted over the IPv4 and IPv6 dumps the way the iptables wrapper counts.</summary>
/// <param name="Rules">Lines starting with <c>-</c> (rules), as the wrapper's <c>grep -c '^-'</c>.</param>
/// <param name="KubeRules">Rules in or jumping to KUBE-* chains.</param>
/// <param name="HasHint">A <c>KUBE-IPTABLES-HINT</c> or <c>KUBE-KUBELET-CANARY</c> chain: kubelet/kube-proxy (1.17+) use this backend.</param>
internal sealed record BackendInspection(SaveBinaries Binaries, bool Available, int Rules, int KubeRules, bool HasHint, CommandResult? Failure)
{
    public static BackendInspection Count(SaveBinaries binaries, ReadOnlySpan<byte> dump)
    {
        var rules = 0;
        var kubeRules = 0;
        var hint = false;
        while (!dump.IsEmpty)
        {
            var end = dump.IndexOf((byte)'\n');
            var line = end < 0 ? dump : dump[..end];
            dump = end < 0 ? [] : dump[(end + 1)..];
            if (line.StartsWith("-"u8))
            {
                rules++;
                if (line.IndexOf("KUBE-"u8) >= 0)
                {
                    kubeRules++;
                }
            }
            else if (line.StartsWith(":KUBE-IPTABLES-HINT "u8) || line.StartsWith(":KUBE-KUBELET-CANARY "u8))
            {
                hint = true;
            }
        }

        return new BackendInspection(binaries, true, rules, kubeRules, hint, null);
    }
}
