namespace NetView.EndToEnd.Tests.Harness;

/// <summary>
/// The real agent (<c>netview-agent run</c>) inside a namespace via <c>ip netns exec</c>, so it
/// reads that namespace's netfilter rules, streaming to a server reached over the veth pair.
/// Disposing stops it with SIGTERM (the agent exits 0 on SIGTERM).
/// </summary>
public sealed class AgentProcess : IDisposable
{
    private readonly ChildProcess _process;

    private AgentProcess(ChildProcess process)
    {
        _process = process;
    }

    public string Output => _process.Output;

    public bool HasExited => _process.HasExited;

    /// <param name="published">The agent as its image ships it (<see cref="BuildOutput.PublishedAgent"/>) instead of the build output.</param>
    public static AgentProcess Start(NetworkNamespace network, Uri server, string token, string node, TimeSpan interval, bool published = false)
    {
        var directory = published ? BuildOutput.PublishedAgentDirectory : BuildOutput.ProgramDirectory("Agent", "netview-agent.dll");
        string[] program = published ? [BuildOutput.PublishedAgent] : [BuildOutput.DotnetHost, Path.Combine(directory, "netview-agent.dll")];
        string[] arguments =
        [
            "netns", "exec", network.Name,
            .. program,
            "run",
            "--server", server.ToString().TrimEnd('/'),
            "--token", token,
            "--node", node,
            "--interval", $"{interval.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}s",
        ];
        return new AgentProcess(ChildProcess.Start("ip", arguments, new Dictionary<string, string> { ["DOTNET_NOLOGO"] = "1" }, directory));
    }

    public void Stop() => _process.Stop(TimeSpan.FromSeconds(10));

    public void Dispose() => _process.Dispose();
}
