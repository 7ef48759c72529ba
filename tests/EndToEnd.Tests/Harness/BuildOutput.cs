namespace NetView.EndToEnd.Tests.Harness;

/// <summary>
/// Finds the build output of the real programs (src/Web, src/Agent) for the configuration the
/// tests were built in, so the harness runs exactly what the repository builds.
/// </summary>
public static class BuildOutput
{
    /// <summary>The repository root: the first parent of the test binaries holding NetView.sln.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "NetView.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException($"NetView.sln not found above {AppContext.BaseDirectory}.");
        }
    }

    /// <summary>Debug or Release, as the test assembly itself was built.</summary>
    public static string Configuration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    /// <summary>The directory holding <paramref name="assembly"/> in <c>src/&lt;project&gt;/bin/&lt;configuration&gt;/net10.0</c>.</summary>
    public static string ProgramDirectory(string project, string assembly)
    {
        var directory = Path.Combine(RepositoryRoot, "src", project, "bin", Configuration, "net10.0");
        if (!File.Exists(Path.Combine(directory, assembly)))
        {
            throw new InvalidOperationException($"{assembly} not found in {directory}: build src/{project} ({Configuration}) first; the test project references it, so `dotnet build tests/EndToEnd.Tests` does.");
        }

        return directory;
    }

    /// <summary>Where scripts/test.sh publishes the agent as its image ships it.</summary>
    public static string PublishedAgentDirectory => Path.Combine(RepositoryRoot, "artifacts", "agent");

    /// <summary>
    /// The agent executable published as the image ships it (NativeAOT, the image's instruction set):
    /// what runs on nodes, which the build output (JIT-compiled IL) is not.
    /// </summary>
    public static string PublishedAgent
    {
        get
        {
            var path = Path.Combine(PublishedAgentDirectory, "netview-agent");
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException(
                    $"{path} not found: publish it as the image does (scripts/test.sh does it first): " +
                    $"dotnet publish src/Agent -c Release -r linux-x64 --self-contained true -o {PublishedAgentDirectory}");
        }
    }

    /// <summary>The dotnet host that runs the tests, used to run the programs too.</summary>
    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
