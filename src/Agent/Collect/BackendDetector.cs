using System.Text;

namespace NetView.Agent.Collect;

/// <summary>
/// Picks the iptables backend as kube-proxy's iptables wrapper does (kubernetes-sigs/iptables-wrappers):
/// the nft backend if it holds the <c>KUBE-IPTABLES-HINT</c>/<c>KUBE-KUBELET-CANARY</c> chain, else
/// legacy if it does, else the one with more rules (nft on a tie). A node whose two backends both
/// hold rules gets <see cref="BackendChoice.MixedBackends"/>: packets traverse both, and the
/// rules of the other one are invisible to kube-proxy and to a reader of one dump.
/// </summary>
internal sealed class BackendDetector(ICommandRunner runner, TimeSpan timeout)
{
    public async Task<BackendChoice> DetectAsync(CancellationToken cancellationToken)
    {
        var nft = await InspectAsync(SaveBinaries.Nft, cancellationToken);
        var legacy = await InspectAsync(SaveBinaries.LegacyBinaries, cancellationToken);
        if (!nft.Available && !legacy.Available)
        {
            return await PlainAsync(nft, legacy, cancellationToken);
        }

        var chosen = Choose(nft, legacy);
        var other = chosen == nft ? legacy : nft;
        var mixed = nft.Rules > 0 && legacy.Rules > 0;
        string? warning = null;
        if (mixed)
        {
            warning = $"both iptables backends hold rules: nf_tables {nft.Rules} ({nft.KubeRules} KUBE-*), legacy {legacy.Rules} ({legacy.KubeRules} KUBE-*); "
                + $"reading {chosen.Binaries.Backend} as kube-proxy's wrapper would; packets also traverse the {other.Binaries.Backend} rules";
        }
        else if (!other.Available && other.Failure is { Failure: not CommandFailure.NotFound })
        {
            warning = $"could not inspect the {other.Binaries.Backend} backend: {other.Failure.Error}";
        }

        return new BackendChoice(chosen.Binaries, mixed, warning, nft.KubeRules, legacy.KubeRules);
    }

    internal static BackendInspection Choose(BackendInspection nft, BackendInspection legacy)
    {
        if (!legacy.Available)
        {
            return nft;
        }

        if (!nft.Available)
        {
            return legacy;
        }

        if (nft.HasHint)
        {
            return nft;
        }

        if (legacy.HasHint)
        {
            return legacy;
        }

        return legacy.Rules > nft.Rules ? legacy : nft;
    }

    private async Task<BackendInspection> InspectAsync(SaveBinaries binaries, CancellationToken cancellationToken)
    {
        var output = new OutputBuffer();
        var both = new OutputBuffer();
        foreach (var file in new[] { binaries.IPv4, binaries.IPv6 })
        {
            var result = await runner.RunAsync(file, [], output, timeout, cancellationToken);
            if (!result.Succeeded)
            {
                // A kernel without IPv6 makes ip6tables fail; IPv4 alone still decides.
                if (file == binaries.IPv6 && result.Failure == CommandFailure.Failed)
                {
                    continue;
                }

                return new BackendInspection(binaries, false, 0, 0, false, result);
            }

            both.Append(output.Span);
        }

        return BackendInspection.Count(binaries, both.Span);
    }

    private async Task<BackendChoice> PlainAsync(BackendInspection nft, BackendInspection legacy, CancellationToken cancellationToken)
    {
        var denied = nft.Failure?.Failure == CommandFailure.PermissionDenied ? nft : legacy.Failure?.Failure == CommandFailure.PermissionDenied ? legacy : null;
        if (denied is not null)
        {
            throw new CollectException(CommandFailure.PermissionDenied, $"no permission to read the rules ({denied.Failure!.Error}); run as root or with CAP_NET_ADMIN");
        }

        var output = new OutputBuffer();
        var plain = SaveBinaries.Plain(SaveBinaries.Legacy);
        var result = await runner.RunAsync(plain.IPv4, [], output, timeout, cancellationToken);
        if (!result.Succeeded)
        {
            var message = result.Failure == CommandFailure.NotFound
                ? "no iptables-save found (looked for iptables-nft-save, iptables-legacy-save, iptables-save); install iptables"
                : $"{plain.IPv4} failed: {result.Error}";
            throw new CollectException(result.Failure, message);
        }

        var header = Encoding.UTF8.GetString(output.Span[..Math.Min(output.Length, 200)]);
        return new BackendChoice(SaveBinaries.Plain(header.Contains("(nf_tables)") ? SaveBinaries.NfTables : SaveBinaries.Legacy), false, null);
    }
}
