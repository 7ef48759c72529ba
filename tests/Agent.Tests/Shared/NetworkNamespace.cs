using System.Diagnostics;
using NetView.Agent.Collect;

namespace NetView.Agent.Tests.Shared;

/// <summary>
/// A throwaway network namespace (<c>nv-agt-</c> plus random hex) with its own netfilter
/// tables, deleted on dispose; and a command runner that runs programs inside it.
/// </summary>
internal sealed class NetworkNamespace : ICommandRunner, IDisposable
{
    private readonly ProcessCommandRunner _runner = new(TimeProvider.System);

    public NetworkNamespace()
    {
        Name = "nv-agt-" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()[..4]);
        Run("ip", "netns", "add", Name);
    }

    public string Name { get; }

    /// <summary>Loads rules with their counters (<c>-c</c>) into the namespace.</summary>
    public void Restore(string restoreProgram, string rules) => Run("ip", ["netns", "exec", Name, restoreProgram, "-c"], rules);

    public Task<CommandResult> RunAsync(string file, IReadOnlyList<string> arguments, OutputBuffer output, TimeSpan timeout, CancellationToken cancellationToken) =>
        _runner.RunAsync("ip", ["netns", "exec", Name, file, .. arguments], output, timeout, cancellationToken);

    public void Dispose() => Run("ip", "netns", "delete", Name);

    private static void Run(string file, params string[] arguments) => Run(file, arguments, null);

    private static void Run(string file, string[] arguments, string? input)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardInput = input is not null, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        if (input is not null)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }

        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed: {error}");
        }
    }
}
