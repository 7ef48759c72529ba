namespace NetView.Agent.Collect;

/// <summary>The backend the agent reads, chosen like kube-proxy's iptables wrapper, and what it noticed on the way.</summary>
/// <param name="MixedBackends">Both backends hold rules: traffic passes through both, and kube-proxy sees only one.</param>
/// <param name="NfTablesKubeRules">KUBE-* rules seen in the nf_tables backend (0 when not inspected).</param>
/// <param name="LegacyKubeRules">KUBE-* rules seen in the legacy backend (0 when not inspected).</param>
internal sealed record BackendChoice(SaveBinaries Binaries, bool MixedBackends, string? Warning, int NfTablesKubeRules = 0, int LegacyKubeRules = 0)
{
    public string Backend => Binaries.Backend;
}
