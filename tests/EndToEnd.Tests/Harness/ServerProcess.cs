using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace NetView.EndToEnd.Tests.Harness;

/// <summary>
/// The real Web server (<c>dotnet NetView.Web.dll</c>) on a fixed port, bound to 127.0.0.1 and
/// optionally to a namespace's host-side address, with its SQLite file in a temporary data
/// directory and a known agent token. <see cref="Stop"/> and <see cref="Start"/> can be called
/// again and again on the same port and data, to test restarts. Dispose stops it and deletes the
/// data directory.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private readonly IReadOnlyList<IPAddress> _addresses;
    private ChildProcess? _process;
    private string _earlierOutput = "";

    public ServerProcess(IEnumerable<IPAddress>? extraAddresses = null, string environment = "Production")
    {
        Port = FreePort();
        _addresses = [IPAddress.Loopback, .. extraAddresses ?? []];
        Environment = environment;
        DataDirectory = Directory.CreateTempSubdirectory("netview-server-").FullName;
        AgentToken = "e2e-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
    }

    public int Port { get; }
    public string Environment { get; }
    public string DataDirectory { get; }
    public string AgentToken { get; }

    /// <summary>Extra configuration (<c>--Key=Value</c>) for the next start, e.g. <c>NetView:MaxUploadBytes</c>.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>The URL an agent at <paramref name="address"/>'s side reaches the server on.</summary>
    public Uri UrlOn(IPAddress address) => new($"http://{address}:{Port}/");

    /// <summary>What the server printed, over all its starts.</summary>
    public string Output => _earlierOutput + (_process?.Output ?? "");

    /// <summary>Starts the server and waits until <c>/healthz</c> answers 200.</summary>
    public async Task StartAsync(TimeSpan? timeout = null)
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException("The server is already running.");
        }

        var directory = BuildOutput.ProgramDirectory("Web", "NetView.Web.dll");
        var urls = string.Join(';', _addresses.Select(a => $"http://{a}:{Port}"));
        List<string> arguments =
        [
            Path.Combine(directory, "NetView.Web.dll"),
            $"--urls={urls}",
            $"--NetView:AgentToken={AgentToken}",
            $"--NetView:DataDirectory={DataDirectory}",
            .. Settings.Select(s => $"--{s.Key}={s.Value}"),
        ];
        if (_process is not null)
        {
            _earlierOutput += _process.Output + "\n--- restarted ---\n";
            _process.Dispose();
        }

        _process = ChildProcess.Start(BuildOutput.DotnetHost, arguments, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = Environment,
            ["DOTNET_NOLOGO"] = "1",
            // Request logs would push NetView's own lines (refusals, restores) out of the kept output.
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
            ["Logging__LogLevel__NetView"] = "Debug",
        }, directory);

        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited during start:\n{_process.Output}");
            }

            try
            {
                using var response = await client.GetAsync("healthz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The server did not become healthy:\n{_process.Output}");
    }

    /// <summary>Stops the server with SIGTERM (a graceful shutdown that flushes history).</summary>
    public void Stop() => _process?.Stop(TimeSpan.FromSeconds(20));

    public void Dispose()
    {
        _process?.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless; the test result is what matters.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
