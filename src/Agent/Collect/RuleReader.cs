using NetView.Core.Iptables;
using NetView.Core.Wire;

namespace NetView.Agent.Collect;

/// <summary>
/// Reads one family's rules with counters: <c>iptables-save -c -t nat</c>, then <c>-t filter</c>
/// (kube-proxy writes only these two, and iptables-save takes one <c>-t</c> per run), straight
/// into a <see cref="SaveCountersScanner"/>. iptables-save 1.8 has no <c>-w</c>: it does not take
/// the xtables lock, since each table is read in one atomic kernel request (legacy) or one
/// netlink dump (nf_tables); a concurrent kube-proxy restore shows up as the next tick's change.
/// </summary>
internal sealed class RuleReader(ICommandRunner runner)
{
    public static readonly IReadOnlyList<string> Tables = ["nat", "filter"];

    private readonly OutputBuffer _output = new();

    /// <summary>Fills <paramref name="scanner"/>; throws <see cref="CollectException"/> when the rules cannot be read.</summary>
    public async Task ReadAsync(SaveBinaries binaries, IpFamily family, SaveCountersScanner scanner, TimeSpan timeout, CancellationToken cancellationToken)
    {
        scanner.Reset();
        var file = binaries.For(family);
        foreach (var table in Tables)
        {
            var result = await runner.RunAsync(file, ["-c", "-t", table], _output, timeout, cancellationToken);
            if (!result.Succeeded)
            {
                // A family or table the kernel does not have (no IPv6, nat module not loaded) holds no rules.
                if (result.Failure == CommandFailure.Failed && result.Error.Contains("does not exist", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                throw new CollectException(result.Failure, Describe(file, table, result));
            }

            var error = scanner.Append(_output.Span);
            if (error is not null)
            {
                throw new CollectException(CommandFailure.Failed, $"{file} -c -t {table}: unexpected output, {error}");
            }
        }
    }

    private static string Describe(string file, string table, CommandResult result) => result.Failure switch
    {
        CommandFailure.PermissionDenied => $"no permission to read the rules ({file}: {result.Error}); run as root or with CAP_NET_ADMIN",
        CommandFailure.NotFound => $"{file} not found; install iptables",
        _ => $"{file} -c -t {table} failed (exit {result.ExitCode}): {result.Error}",
    };
}
