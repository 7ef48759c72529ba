using NetView.Core.Iptables;
using NetView.Core.Iptables.Parsing;

namespace NetView.Core.Tests.Iptables;

/// <summary>A row packs the scan's parts and the row's flags into one word.</summary>
public sealed class RuleRowTests
{
    [Fact]
    public void RuleParts_FitBelowTheFlags()
    {
        foreach (var part in Enum.GetValues<RuleParts>())
        {
            Assert.True((uint)part < 1u << 24, $"{part} = 0x{(uint)part:x} does not fit the row's 24 bits for parts");
        }
    }

    [Fact]
    public void Row_PartsAndFlags_SetApart()
    {
        var everyPart = Enum.GetValues<RuleParts>().Aggregate(RuleParts.None, (all, part) => all | part);
        var everyFlag = Enum.GetValues<RuleRows.RowFlags>().Aggregate(RuleRows.RowFlags.None, (all, flag) => all | flag);
        var row = new RuleRows.Row { Parts = everyPart, Flags = everyFlag };

        row.Flags = RuleRows.RowFlags.Counters;
        Assert.Equal(everyPart, row.Parts);
        row.Parts = RuleParts.Comment;
        Assert.Equal(RuleRows.RowFlags.Counters, row.Flags);
        Assert.Equal(RuleParts.Comment, row.Parts);
    }

    [Theory]
    [InlineData(TargetKind.None)]
    [InlineData(TargetKind.Jump)]
    [InlineData(TargetKind.Goto)]
    public void Row_TargetKind_KeptBesideOtherFlags(TargetKind kind)
    {
        var row = new RuleRows.Row { Flags = RuleRows.RowFlags.Counters | RuleRows.RowFlags.TargetHasOptions };

        RuleRows.SetTarget(ref row, "KUBE-SVC-X", kind);

        Assert.Equal(kind, RuleRows.TargetKindOf(row));
        Assert.Equal("KUBE-SVC-X", row.TargetName);
        Assert.True(row.Flags.HasFlag(RuleRows.RowFlags.Counters | RuleRows.RowFlags.TargetHasOptions));
    }

    [Fact]
    public void Rule_Target_MadeFromNameAndKind()
    {
        var rules = IptablesParser.Parse("*nat\n:A - [0:0]\n:B - [0:0]\n-A A -g B\n-A A -j B\n-A A -p tcp\n-A A -j DNAT --to-destination 10.0.0.1:80\nCOMMIT\n")
            .Table("nat")!.Chain("A")!.Rules;

        Assert.Equal(new Target(TargetKind.Goto, "B", []), rules[0].Target);
        Assert.Equal(new Target(TargetKind.Jump, "B", []), rules[1].Target);
        Assert.Equal(Target.None, rules[2].Target);
        Assert.Equal("10.0.0.1:80", rules[3].Target.Option("--to-destination")?.Value);
        Assert.Equal([1, 2, 3, 4], rules.Select(r => r.Number));
    }
}
