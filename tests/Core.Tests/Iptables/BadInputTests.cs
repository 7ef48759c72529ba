using System.Text;
using NetView.Core.Iptables;

namespace NetView.Core.Tests.Iptables;

public sealed class BadInputTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   \n\r\n\t\n")]
    public void Parse_Empty_ThrowsInvalidDump(string text)
    {
        var error = Assert.Throws<InvalidDumpException>(() => IptablesParser.Parse(text));

        Assert.Equal(0, error.Line);
        Assert.Contains("empty", error.Reason);
    }

    [Fact]
    public void Parse_BinaryGarbage_ThrowsInvalidDumpWithLine()
    {
        var garbage = new byte[4096];
        new Random(7).NextBytes(garbage);
        garbage[100] = 0;

        var error = Assert.Throws<InvalidDumpException>(() => IptablesParser.Parse(garbage));

        Assert.True(error.Line >= 1);
        Assert.Contains("binary", error.Reason);
    }

    [Fact]
    public void Parse_Prose_ThrowsInvalidDumpNamingFirstLine()
    {
        var error = Assert.Throws<InvalidDumpException>(() => IptablesParser.Parse("hello\nthis is not a dump\n"));

        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Parse_TenMegabyteLine_GivesOneDiagnostic()
    {
        var text = "*filter\n:INPUT ACCEPT [0:0]\n" + new string('x', 10_000_000) + "\n-A INPUT -j ACCEPT\nCOMMIT\n";

        var set = IptablesParser.Parse(text);

        Assert.Equal(1, set.RuleCount);
        var diagnostic = Assert.Single(set.Diagnostics);
        Assert.Equal(3, diagnostic.Line);
        Assert.True(diagnostic.Text!.Length < 300);
    }

    [Fact]
    public void Parse_TenMegabyteRule_GivesRuleWithDiagnostics()
    {
        var text = "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -m comment --comment \"" + new string('y', 10_000_000) + "\" -j ACCEPT\nCOMMIT\n";

        var set = IptablesParser.Parse(text);

        Assert.Equal(10_000_000, set.AllRules().Single().Comment!.Length);
    }

    [Fact]
    public void Parse_TableWithoutCommit_WarnsAndKeepsRules()
    {
        var set = IptablesParser.Parse("*nat\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING -j KUBE-SERVICES\n*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -j ACCEPT\n");

        Assert.Equal(2, set.RuleCount);
        Assert.Contains(set.Diagnostics, d => d.Line == 1 && d.Message.Contains("nat ends without COMMIT"));
        Assert.Contains(set.Diagnostics, d => d.Line == 4 && d.Message.Contains("filter ends without COMMIT"));
        Assert.Contains(set.Diagnostics, d => d.Line == 3 && d.Message.Contains("KUBE-SERVICES"));
        Assert.False(set.Table("nat")!.Chain("KUBE-SERVICES")!.Declared);
    }

    [Fact]
    public void Parse_TruncatedMidRule_KeepsWhatIsThere()
    {
        var set = IptablesParser.Parse("*nat\n:KUBE-SERVICES - [0:0]\n-A KUBE-SERVICES -d 10.96.0.1/32 -p tcp -m comment --comment \"default/kuber");

        var rule = set.AllRules().Single();
        Assert.Equal(new AddressMatch("10.96.0.1/32"), rule.Destination);
        Assert.Contains(set.Diagnostics, d => d.Line == 3 && d.Message.Contains("quote"));
        Assert.Contains(set.Diagnostics, d => d.Message.Contains("without COMMIT"));
    }

    [Fact]
    public void Parse_RuleWithoutChain_GivesErrorDiagnostic()
    {
        var set = IptablesParser.Parse("*filter\n:INPUT ACCEPT [0:0]\n-A \nCOMMIT\n");

        Assert.Equal(0, set.RuleCount);
        Assert.Contains(set.Diagnostics, d => d.Line == 3);
    }

    [Fact]
    public void Parse_ManyBadLines_KeepsBoundedDiagnostics()
    {
        var text = new StringBuilder("*filter\n:INPUT ACCEPT [0:0]\n");
        for (var i = 0; i < 5000; i++)
        {
            text.Append("garbage ").Append(i).Append('\n');
        }

        var set = IptablesParser.Parse(text.Append("COMMIT\n").ToString());

        Assert.True(set.Diagnostics.Count <= 1001);
        Assert.Contains("more diagnostics", set.Diagnostics[^1].Message);
    }

    [Fact]
    public void Parse_InvalidUtf8_DoesNotThrow()
    {
        var bytes = Encoding.UTF8.GetBytes("*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -m comment --comment \"\xff\" -j ACCEPT\nCOMMIT\n").ToList();
        bytes.InsertRange(60, new byte[] { 0xC3, 0x28, 0xFF });

        var set = IptablesParser.Parse(bytes.ToArray());

        Assert.Equal(1, set.RuleCount);
    }
}
