using System.Diagnostics;

namespace NetView.Core.Tests.Shared;

/// <summary>
/// A throwaway network namespace with its own netfilter tables, so rules can be loaded for real
/// without touching the host. Deleted on dispose.
/// </summary>
public sealed class NetfilterNamespace : IDisposable
{
    public const string IptablesRestore = "/usr/sbin/iptables-restore";

    private static readonly TimeSpan CommandLimit = TimeSpan.FromMinutes(2);

    private NetfilterNamespace(string name) => Name = name;

    public string Name { get; }

    public static NetfilterNamespace Create()
    {
        var name = $"nv-test-{Guid.NewGuid():N}"[..15];
        Run("ip", ["netns", "add", name], input: null);
        return new NetfilterNamespace(name);
    }

    /// <summary>Runs a command inside the namespace; returns its stdout, throws with its stderr when it fails.</summary>
    public string Exec(string program, IReadOnlyList<string> args, string? input = null) =>
        Run("ip", ["netns", "exec", Name, program, .. args], input);

    public void Dispose() => Run("ip", ["netns", "delete", Name], input: null);

    private static string Run(string program, IReadOnlyList<string> args, string? input)
    {
        var start = new ProcessStartInfo(program, args)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            process.StandardInput.Write(input);
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(CommandLimit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish within {CommandLimit}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {process.ExitCode}: {stderr.Result}");
        }

        return stdout.Result;
    }
}
