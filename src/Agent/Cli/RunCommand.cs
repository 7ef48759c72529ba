using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using NetView.Agent.Collect;
using NetView.Agent.Streaming;

namespace NetView.Agent.Cli;

/// <summary>
/// <c>run --server URL --token T [--node NAME] [--interval 1s]</c>: stream this node's rules and
/// counters until SIGTERM or Ctrl-C, then exit 0. Every option can come from the environment
/// (<c>NETVIEW_SERVER</c>, <c>NETVIEW_TOKEN</c>, <c>NODE_NAME</c>, <c>NETVIEW_INTERVAL</c>), as the
/// Helm chart's DaemonSet sets them.
/// </summary>
internal static class RunCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = Parse(args, Environment.GetEnvironmentVariable, out var error);
        if (options is null)
        {
            await Console.Error.WriteLineAsync($"netview-agent run: {error}");
            return CommandLine.BadInput;
        }

        using var stop = new CancellationTokenSource();
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }

        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var http = new HttpClient();
        var time = TimeProvider.System;
        var service = new AgentService(options, new ProcessCommandRunner(time), time, new AgentLog(Console.Error, time), http, Random.Shared);
        await service.RunAsync(stop.Token);
        return CommandLine.Ok;
    }

    /// <summary>Options from flags, then the environment; null with a reason naming the option when they do not make sense.</summary>
    internal static AgentOptions? Parse(string[] args, Func<string, string?> environment, out string? error)
    {
        string? server = environment("NETVIEW_SERVER");
        string? token = environment("NETVIEW_TOKEN");
        string? node = environment("NODE_NAME");
        string? interval = environment("NETVIEW_INTERVAL");
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (i + 1 >= args.Length || args[i] is not ("--server" or "--token" or "--node" or "--interval"))
            {
                error = args[i] is "--server" or "--token" or "--node" or "--interval"
                    ? $"{args[i]} needs a value"
                    : $"unknown option '{args[i]}' (expected --server, --token, --node, --interval)";
                return null;
            }

            var value = args[++i];
            switch (args[i - 1])
            {
                case "--server": server = value; break;
                case "--token": token = value; break;
                case "--node": node = value; break;
                default: interval = value; break;
            }
        }

        if (string.IsNullOrWhiteSpace(server) || !Uri.TryCreate(server, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            error = string.IsNullOrWhiteSpace(server)
                ? "--server (or NETVIEW_SERVER) is required, e.g. --server http://netview:8080"
                : $"--server '{server}' is not an http(s) URL";
            return null;
        }

        if (string.IsNullOrWhiteSpace(token))
        {
            error = "--token (or NETVIEW_TOKEN) is required";
            return null;
        }

        var period = AgentOptions.DefaultInterval;
        if (!string.IsNullOrWhiteSpace(interval) && !TryParseInterval(interval, out period))
        {
            error = $"--interval '{interval}' is not a duration between 100ms and 1h (e.g. 1s, 500ms, 2m)";
            return null;
        }

        node = string.IsNullOrWhiteSpace(node) ? Dns.GetHostName() : node.Trim();
        return new AgentOptions(uri, token.Trim(), node, period);
    }

    internal static bool TryParseInterval(string text, out TimeSpan interval)
    {
        text = text.Trim();
        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : text.EndsWith('m') ? (text[..^1], 60.0)
            : (text, 1.0);
        interval = TimeSpan.Zero;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value))
        {
            return false;
        }

        var seconds = value * unit;
        if (seconds < 0.1 || seconds > 3600)
        {
            return false;
        }

        interval = TimeSpan.FromSeconds(seconds);
        return true;
    }
}
