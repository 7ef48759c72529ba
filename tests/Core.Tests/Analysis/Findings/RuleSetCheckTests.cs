using NetView.Core.Analysis;
using NetView.Core.Analysis.Findings;
using NetView.Core.Iptables;
using static NetView.Core.Tests.Analysis.Findings.FindingTestDumps;

namespace NetView.Core.Tests.Analysis.Findings;

/// <summary>The checks that judge the rule set itself: duplicates, dangling jumps, orphans, size, unread lines, backends.</summary>
public sealed class RuleSetCheckTests
{
    private static string Dump(string natRules) => $"""
        *nat
        :PREROUTING ACCEPT [0:0]
        :KUBE-SERVICES - [0:0]
        :KUBE-SEP-AAAAAAAAAAAAAAAA - [0:0]
        -A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
        {natRules}
        COMMIT

        """;

    private const string SepUsed = "-A KUBE-SERVICES -j KUBE-SEP-AAAAAAAAAAAAAAAA\n-A KUBE-SEP-AAAAAAAAAAAAAAAA -p tcp -m tcp -j DNAT --to-destination 10.0.0.1:80";

    [Fact]
    public void DuplicateRule_SameRuleTwice_Fires()
    {
        var finding = Assert.Single(FindingsOf(Dump(SepUsed + "\n-A KUBE-SERVICES -j KUBE-SEP-AAAAAAAAAAAAAAAA"), FindingCodes.DuplicateRule));

        Assert.Equal("nat/KUBE-SERVICES", finding.Subject);
        Assert.Equal(["nat/KUBE-SERVICES#1", "nat/KUBE-SERVICES#2"], finding.Evidence.Select(e => e.Rule));
        Assert.Equal([6, 8], finding.Evidence.Select(e => e.Line));
    }

    [Fact]
    public void DuplicateRule_SameTextInTwoChains_Quiet()
    {
        Assert.Empty(FindingsOf(Dump(SepUsed), FindingCodes.DuplicateRule));
    }

    [Fact]
    public void DanglingJump_UndeclaredChainInWholeDump_Error()
    {
        var finding = Assert.Single(FindingsOf(Dump(SepUsed + "\n-A KUBE-SERVICES -j KUBE-SVC-NOWHERE0000000"), FindingCodes.DanglingJump));

        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal("nat/KUBE-SVC-NOWHERE0000000", finding.Subject);
        Assert.Equal("nat/KUBE-SERVICES#2", Assert.Single(finding.Evidence).Rule);
    }

    [Fact]
    public void DanglingJump_ExcerptWithoutTheChain_OnlyInfo()
    {
        var finding = Assert.Single(FindingsOf(
            "-A KUBE-SVC-TYE23RAXJNHAJ33G -m comment --comment \"a/b:c\" -j KUBE-SEP-SRB22U7BNHNW5WLR\n", FindingCodes.DanglingJump));

        Assert.Equal(FindingSeverity.Info, finding.Severity);
    }

    [Fact]
    public void DanglingJump_DeclaredChainsAndExtensionTargets_Quiet()
    {
        Assert.Empty(FindingsOf(Dump(SepUsed + "\n-A KUBE-SERVICES -j CUSTOMTARGET --custom-option 1"), FindingCodes.DanglingJump));
    }

    [Fact]
    public void OrphanChain_KubeChainNothingJumpsTo_Warning()
    {
        var finding = Assert.Single(FindingsOf(Dump("-A KUBE-SEP-AAAAAAAAAAAAAAAA -p tcp -m tcp -j DNAT --to-destination 10.0.0.1:80"), FindingCodes.OrphanChain));

        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal("nat/KUBE-SEP-AAAAAAAAAAAAAAAA", finding.Subject);
    }

    [Fact]
    public void OrphanChain_ReferencedChain_Quiet()
    {
        Assert.Empty(FindingsOf(Dump(SepUsed), FindingCodes.OrphanChain));
    }

    [Fact]
    public void LargeRuleSet_TwentyThousandRules_Info()
    {
        var rules = string.Join("\n", Enumerable.Range(0, LargeRuleSetCheck.LargeRules).Select(i => $"-A KUBE-SERVICES -d 10.{i / 65536}.{i / 256 % 256}.{i % 256}/32 -j ACCEPT"));

        var finding = Assert.Single(FindingsOf(Dump(rules), FindingCodes.LargeRuleSet));

        Assert.Equal(FindingSeverity.Info, finding.Severity);
        Assert.Contains("20,001 rules", finding.Message, StringComparison.Ordinal);
        Assert.Contains("nat/KUBE-SERVICES with 20,000", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LargeRuleSet_SmallDump_Quiet()
    {
        Assert.Empty(FindingsOf(Dump(SepUsed), FindingCodes.LargeRuleSet));
    }

    [Fact]
    public void UnparsedLine_GarbageLineInDump_FiresWithItsLine()
    {
        var finding = Assert.Single(FindingsOf(Dump(SepUsed + "\nthis is not a rule"), FindingCodes.UnparsedLine));

        Assert.Equal("line 8", finding.Subject);
        Assert.Equal(8, Assert.Single(finding.Evidence).Line);
        Assert.Contains("this is not a rule", finding.Evidence[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void UnparsedLine_CleanDump_Quiet()
    {
        Assert.Empty(FindingsOf(Dump(SepUsed), FindingCodes.UnparsedLine));
    }

    [Fact]
    public void MixedBackends_KubeRulesInBoth_NamesTheStaleOne()
    {
        var finding = MixedBackendsCheck.Check(nfTablesKubeRules: 120, legacyKubeRules: 7);

        Assert.NotNull(finding);
        Assert.Equal(FindingCodes.MixedBackends, finding.Code);
        Assert.Contains("7 in legacy", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(120, 0)]
    [InlineData(0, 40)]
    public void MixedBackends_OneBackendOnly_Quiet(int nfTables, int legacy)
    {
        Assert.Null(MixedBackendsCheck.Check(nfTables, legacy));
    }

    [Fact]
    public void MixedBackends_CountKubeRules_CountsKubeChainsAndJumpsToThem()
    {
        var rules = IptablesParser.Parse(Dump(SepUsed));

        Assert.Equal(3, MixedBackendsCheck.CountKubeRules(rules));
    }
}
