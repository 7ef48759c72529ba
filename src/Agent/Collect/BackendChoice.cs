namespace NetView.Agent.Collect;

/// <summary>The backend the agent reads, chosen like kube-proxy's iptables wrapper, and what it noticed on the way.</summary>
/// <param name="MixedBackends">Both backends hold rules: traffic passes through both, and kube-proxy sees only one.</param>
internal sealed record BackendChoice(SaveBinaries Binaries, bool MixedBackends, string? Warning)
{
    public string Backend => Binaries.Backend;
}
