using System.Text;
using System.Text.Json;
using NetView.Agent.Cli;

namespace NetView.Agent.Tests.Cli;

public sealed class DiffCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("netview-diff-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Dump(string extraEndpoint) => $"""
        *nat
        :PREROUTING ACCEPT [0:0]
        :KUBE-SERVICES - [0:0]
        :KUBE-SVC-WEBWEBWEBWEBWEBW - [0:0]
        :KUBE-SEP-AAAAAAAAAAAAAAAA - [0:0]
        [10:600] -A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
        -A KUBE-SERVICES -d 10.96.0.10/32 -p tcp -m comment --comment "default/web:http cluster IP" -m tcp --dport 80 -j KUBE-SVC-WEBWEBWEBWEBWEBW
        {extraEndpoint}-A KUBE-SVC-WEBWEBWEBWEBWEBW -m comment --comment "default/web:http -> 10.244.1.4:8080" -j KUBE-SEP-AAAAAAAAAAAAAAAA
        -A KUBE-SEP-AAAAAAAAAAAAAAAA -p tcp -m comment --comment "default/web:http" -m tcp -j DNAT --to-destination 10.244.1.4:8080
        COMMIT
        """;

    private (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = DiffCommand.Run(args, () => new MemoryStream(Encoding.UTF8.GetBytes(Dump(""))), stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Run_EndpointAdded_PrintsMeaningAndRules()
    {
        var newer = Write("new.txt", Dump("""
            -A KUBE-SEP-BBBBBBBBBBBBBBBB -p tcp -m comment --comment "default/web:http" -m tcp -j DNAT --to-destination 10.244.1.9:8080
            -A KUBE-SVC-WEBWEBWEBWEBWEBW -m comment --comment "default/web:http -> 10.244.1.9:8080" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-BBBBBBBBBBBBBBBB

            """));

        var (exit, output, _) = Run("-", newer);

        Assert.Equal(0, exit);
        Assert.Contains("endpoint 10.244.1.9:8080 added to default/web:http", output, StringComparison.Ordinal);
        Assert.Contains("rules: 2 added, 0 removed, 0 moved", output, StringComparison.Ordinal);
        Assert.Contains("+ nat/KUBE-SVC-WEBWEBWEBWEBWEBW#1", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Json_WritesTheDifference()
    {
        var older = Write("old.txt", Dump(""));

        var (exit, output, _) = Run(older, "-", "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(0, json.RootElement.GetProperty("added").GetArrayLength());
        Assert.True(json.RootElement.GetProperty("isEmpty").GetBoolean());
    }

    [Fact]
    public void Run_OneFile_ExitsTwo()
    {
        var (exit, _, error) = Run("-");

        Assert.Equal(2, exit);
        Assert.Contains("give two dumps", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NotADump_ExitsTwoNamingTheFile()
    {
        var binary = Write("binary.bin", "\0\0\0\u0001garbage");

        var (exit, _, error) = Run("-", binary);

        Assert.Equal(2, exit);
        Assert.Contains("binary.bin", error, StringComparison.Ordinal);
    }
}
