namespace NetView.Agent.Cli;

/// <summary>
/// The verbs of <c>netview-agent</c> (docs/CONTRACTS.md). Each verb lives in its own class; this
/// only dispatches. Exit codes: 0 ok, 2 bad input or usage, 3 no permission.
/// </summary>
internal static class CommandLine
{
    public const int Ok = 0;
    public const int BadInput = 2;
    public const int NoPermission = 3;

    public static async Task<int> RunAsync(string[] args)
    {
        var verb = args.Length == 0 || args[0].StartsWith('-') ? "run" : args[0];
        var rest = args.Length == 0 || args[0].StartsWith('-') ? args : args[1..];
        switch (verb)
        {
            case "run":
                return await RunCommand.RunAsync(rest);
            case "snapshot":
                return await SnapshotCommand.RunAsync(rest);
            case "analyze":
                return await AnalyzeCommand.RunAsync(rest);
            case "help" or "--help" or "-h":
                await Console.Out.WriteLineAsync(Usage);
                return Ok;
            case "trace":
                return await TraceCommand.RunAsync(rest);
            case "diff":
                return await DiffCommand.RunAsync(rest);
            default:
                await Console.Error.WriteLineAsync($"netview-agent: unknown command '{verb}'.\n{Usage}");
                return BadInput;
        }
    }

    public const string Usage = """
        usage: netview-agent <command> [options]
          analyze FILE|- [--json]                      explain kube-proxy's rules in an iptables-save dump
          trace FILE|- --src IP --dst IP --dport N     follow a packet through the rules
                [--sport N] [--proto tcp|udp|sctp] [--node-ip IP ...] [--from external|local] [--json]
          diff OLD NEW [--json]                        what changed between two dumps
          snapshot [--json] [--family ipv4|ipv6]       analyze this node's live rules once
          run --server URL --token T [--node NAME] [--interval 1s]
                                                       stream this node's rules and counters (default)
        """;
}
