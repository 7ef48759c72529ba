using System.Text;
using System.Text.Json;
using NetView.Agent.Cli;

namespace NetView.Agent.Tests.Cli;

public sealed class TraceCommandTests
{
    private const string Dump = """
        *nat
        :PREROUTING ACCEPT [0:0]
        :POSTROUTING ACCEPT [0:0]
        :KUBE-SERVICES - [0:0]
        :KUBE-SVC-WEB - [0:0]
        -A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
        -A KUBE-SERVICES -d 10.96.0.10/32 -p tcp -m comment --comment "default/web:http cluster IP" -m tcp --dport 80 -j KUBE-SVC-WEB
        -A KUBE-SVC-WEB -m statistic --mode random --probability 0.50000000000 -j DNAT --to-destination 10.244.1.5:8080
        -A KUBE-SVC-WEB -j DNAT --to-destination 10.244.2.6:8080
        COMMIT
        """;

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = TraceCommand.Run(args, () => new MemoryStream(Encoding.UTF8.GetBytes(Dump)), stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Run_StdinText_PrintsOutcomesWithProbabilityAndRuleText()
    {
        var (exit, output, _) = Run("-", "--src", "10.244.0.9", "--dst", "10.96.0.10", "--dport", "80", "--from", "pod");

        Assert.Equal(0, exit);
        Assert.Contains("50%  DNAT -> 10.244.1.5:8080  masquerade: no", output, StringComparison.Ordinal);
        Assert.Contains("nat/KUBE-SVC-WEB#1   -A KUBE-SVC-WEB -m statistic --mode random --probability 0.50000000000 -j DNAT --to-destination 10.244.1.5:8080", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Json_WritesTheTraceDocument()
    {
        var (exit, output, _) = Run("-", "--src", "10.244.0.9", "--dst", "10.96.0.10", "--dport", "80", "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(2, json.RootElement.GetProperty("outcomes").GetArrayLength());
        Assert.Equal("external", json.RootElement.GetProperty("packet").GetProperty("from").GetString());
    }

    [Theory]
    [InlineData("--dport", "http", "--dport 'http' is not a port")]
    [InlineData("--src", "10.0.0.0/8", "--src '10.0.0.0/8' is not an IP address")]
    [InlineData("--proto", "icmp", "--proto 'icmp' is not tcp, udp or sctp")]
    [InlineData("--from", "mars", "--from 'mars' is not external, pod or local")]
    public void Run_BadOption_ExitsTwoNamingTheOption(string option, string value, string message)
    {
        var args = new List<string> { "-", "--src", "10.244.0.9", "--dst", "10.96.0.10", "--dport", "80" };
        var at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        var (exit, _, error) = Run([.. args]);

        Assert.Equal(2, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingDestination_ExitsTwo()
    {
        var (exit, _, error) = Run("-", "--src", "10.244.0.9", "--dport", "80");

        Assert.Equal(2, exit);
        Assert.Contains("--dst is required", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingFile_ExitsTwoNamingTheFile()
    {
        var (exit, _, error) = Run("/nonexistent/dump.txt", "--src", "10.244.0.9", "--dst", "10.96.0.10", "--dport", "80");

        Assert.Equal(2, exit);
        Assert.Contains("/nonexistent/dump.txt", error, StringComparison.Ordinal);
    }
}
