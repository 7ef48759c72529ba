using System.Diagnostics;

namespace NetView.EndToEnd.Tests.Harness;

/// <summary>
/// Runs short commands (ip, iptables-save, iptables-restore) to completion with a deadline, so a
/// stuck command fails the test with its name instead of hanging it.
/// </summary>
public static class Command
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public static CommandResult Run(string fileName, IEnumerable<string> arguments, string? standardInput = null, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var text = fileName + " " + string.Join(' ', info.ArgumentList);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start `{text}`.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            process.StandardInput.Write(standardInput);
            process.StandardInput.Close();
        }

        if (!process.WaitForExit(timeout ?? DefaultTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{text}` did not finish within {(timeout ?? DefaultTimeout).TotalSeconds} s.");
        }

        return new CommandResult(text, process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
    }

    public static CommandResult Run(string fileName, params string[] arguments) => Run(fileName, arguments, null);

    /// <summary>
    /// Tests that need root (network namespaces, netfilter) call this first: CI runs as root, so a
    /// missing privilege is a broken environment and must fail loudly, never skip silently.
    /// </summary>
    public static void RequireRoot()
    {
        if (Environment.UserName != "root" && Run("id", "-u").StandardOutput.Trim() != "0")
        {
            throw new InvalidOperationException("This test needs root (ip netns, iptables-restore). Run it as root; CI does.");
        }
    }
}
