using NetView.Core.Analysis;
using NetView.Core.Iptables;
using NetView.Core.KubeProxy;

namespace NetView.Core.Tests.Analysis.Findings;

/// <summary>Small literal dumps that the finding tests vary one rule at a time.</summary>
internal static class FindingTestDumps
{
    public static IReadOnlyList<Finding> FindingsOf(string dump) => KubeProxyAnalyzer.Analyze(IptablesParser.Parse(dump)).Findings;

    public static IReadOnlyList<Finding> FindingsOf(string dump, string code) =>
        FindingsOf(dump).Where(f => f.Code == code).ToList();

    /// <summary>A three-endpoint service port whose cascade probabilities are <paramref name="p1"/> and <paramref name="p2"/>; <paramref name="last"/> is appended to the last rule.</summary>
    public static string ThreeEndpoints(string p1, string p2, string last = "") => $"""
        *nat
        :KUBE-SERVICES - [0:0]
        :KUBE-MARK-MASQ - [0:0]
        :KUBE-SVC-TYE23RAXJNHAJ33G - [0:0]
        :KUBE-SEP-A - [0:0]
        :KUBE-SEP-B - [0:0]
        :KUBE-SEP-C - [0:0]
        -A KUBE-SERVICES -d 10.100.218.244/32 -p tcp -m comment --comment "space22pbugsd/yibao-b:yibao-b cluster IP" -m tcp --dport 13332 -j KUBE-SVC-TYE23RAXJNHAJ33G
        -A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000
        -A KUBE-SVC-TYE23RAXJNHAJ33G -m comment --comment "space22pbugsd/yibao-b:yibao-b" -m statistic --mode random --probability {p1} -j KUBE-SEP-A
        -A KUBE-SVC-TYE23RAXJNHAJ33G -m comment --comment "space22pbugsd/yibao-b:yibao-b" -m statistic --mode random --probability {p2} -j KUBE-SEP-B
        -A KUBE-SVC-TYE23RAXJNHAJ33G -m comment --comment "space22pbugsd/yibao-b:yibao-b" {last}-j KUBE-SEP-C
        -A KUBE-SEP-A -p tcp -m comment --comment "space22pbugsd/yibao-b:yibao-b" -m tcp -j DNAT --to-destination 10.243.1.179:13332
        -A KUBE-SEP-B -p tcp -m comment --comment "space22pbugsd/yibao-b:yibao-b" -m tcp -j DNAT --to-destination 10.244.1.31:13332
        -A KUBE-SEP-C -p tcp -m comment --comment "space22pbugsd/yibao-b:yibao-b" -m tcp -j DNAT --to-destination 10.246.0.133:13332
        COMMIT

        """;
}
