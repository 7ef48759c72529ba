using NetView.Core.Analysis;
using static NetView.Core.Tests.Analysis.Findings.FindingTestDumps;

namespace NetView.Core.Tests.Analysis.Findings;

public sealed class EndpointCommentMismatchCheckTests
{
    private static string Dump(string commentAddress) => $"""
        *nat
        :KUBE-SERVICES - [0:0]
        :KUBE-SVC-NPX46M4PTMTKRN6Y - [0:0]
        :KUBE-SEP-Z256WNARC5DJQIZM - [0:0]
        -A KUBE-SERVICES -d 10.96.0.1/32 -p tcp -m comment --comment "default/kubernetes:https cluster IP" -m tcp --dport 443 -j KUBE-SVC-NPX46M4PTMTKRN6Y
        -A KUBE-SVC-NPX46M4PTMTKRN6Y -m comment --comment "default/kubernetes:https -> {commentAddress}" -j KUBE-SEP-Z256WNARC5DJQIZM
        -A KUBE-SEP-Z256WNARC5DJQIZM -p tcp -m comment --comment "default/kubernetes:https" -m tcp -j DNAT --to-destination 172.31.7.91:6443
        COMMIT

        """;

    [Fact]
    public void Check_CommentAndDnatAgree_Quiet()
    {
        Assert.Empty(FindingsOf(Dump("172.31.7.91:6443")));
    }

    [Fact]
    public void Check_CommentNamesAnotherAddress_FiresWithBothRules()
    {
        var finding = Assert.Single(FindingsOf(Dump("172.31.7.92:6443")));

        Assert.Equal(FindingCodes.EndpointCommentMismatch, finding.Code);
        Assert.Contains("172.31.7.91:6443", finding.Message, StringComparison.Ordinal);
        Assert.Contains("172.31.7.92:6443", finding.Message, StringComparison.Ordinal);
        Assert.Equal(["nat/KUBE-SVC-NPX46M4PTMTKRN6Y#1", "nat/KUBE-SEP-Z256WNARC5DJQIZM#1"], finding.Evidence.Select(e => e.Rule));
    }
}
