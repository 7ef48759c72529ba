using NetView.Agent.Cli;

namespace NetView.Agent.Tests.Cli;

public sealed class RunCommandTests
{
    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(variable => variable.Name == name).Value;

    [Fact]
    public void Parse_Flags_AllTaken()
    {
        var options = RunCommand.Parse(["--server", "https://netview:8443", "--token", "s3cret", "--node", "node-a", "--interval", "500ms"], Environment(), out var error);

        Assert.Null(error);
        Assert.Equal(new Uri("https://netview:8443"), options!.Server);
        Assert.Equal("s3cret", options.Token);
        Assert.Equal("node-a", options.Node);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.Interval);
    }

    [Fact]
    public void Parse_OnlyEnvironment_LikeTheDaemonSet()
    {
        var options = RunCommand.Parse([], Environment(("NETVIEW_SERVER", "http://netview:8080"), ("NETVIEW_TOKEN", "t"), ("NODE_NAME", "worker-3"), ("NETVIEW_INTERVAL", "2s")), out _);

        Assert.Equal("worker-3", options!.Node);
        Assert.Equal(TimeSpan.FromSeconds(2), options.Interval);
    }

    [Fact]
    public void Parse_FlagAndEnvironment_FlagWins()
    {
        var options = RunCommand.Parse(["--node", "from-flag"], Environment(("NETVIEW_SERVER", "http://netview:8080"), ("NETVIEW_TOKEN", "t"), ("NODE_NAME", "from-env")), out _);

        Assert.Equal("from-flag", options!.Node);
    }

    [Fact]
    public void Parse_NoNodeName_HostName()
    {
        var options = RunCommand.Parse(["--server", "http://netview:8080", "--token", "t"], Environment(), out _);

        Assert.Equal(System.Net.Dns.GetHostName(), options!.Node);
        Assert.Equal(TimeSpan.FromSeconds(1), options.Interval);
    }

    [Theory]
    [InlineData(new[] { "--token", "t" }, "--server (or NETVIEW_SERVER) is required")]
    [InlineData(new[] { "--server", "netview:8080", "--token", "t" }, "is not an http(s) URL")]
    [InlineData(new[] { "--server", "http://netview" }, "--token (or NETVIEW_TOKEN) is required")]
    [InlineData(new[] { "--server", "http://netview", "--token", "t", "--interval", "fast" }, "--interval 'fast'")]
    [InlineData(new[] { "--server", "http://netview", "--token", "t", "--interval", "10ms" }, "--interval '10ms'")]
    [InlineData(new[] { "--server", "http://netview", "--token" }, "--token needs a value")]
    [InlineData(new[] { "--verbose" }, "unknown option '--verbose'")]
    public void Parse_BadInput_ReasonNamesTheOption(string[] args, string reason)
    {
        var options = RunCommand.Parse(args, Environment(), out var error);

        Assert.Null(options);
        Assert.Contains(reason, error);
    }

    [Theory]
    [InlineData("1s", 1.0)]
    [InlineData("1", 1.0)]
    [InlineData("250ms", 0.25)]
    [InlineData("1.5s", 1.5)]
    [InlineData("2m", 120.0)]
    public void TryParseInterval_Units_Seconds(string text, double seconds)
    {
        Assert.True(RunCommand.TryParseInterval(text, out var interval));
        Assert.Equal(TimeSpan.FromSeconds(seconds), interval);
    }
}
