namespace NetView.Agent.Collect;

/// <summary>Runs a program and collects its output; the seam where tests give canned iptables-save outputs.</summary>
internal interface ICommandRunner
{
    Task<CommandResult> RunAsync(string file, IReadOnlyList<string> arguments, OutputBuffer output, TimeSpan timeout, CancellationToken cancellationToken);
}
