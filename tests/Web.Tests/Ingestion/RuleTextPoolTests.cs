using NetView.Web.Ingestion;

namespace NetView.Web.Tests.Ingestion;

public sealed class RuleTextPoolTests
{
    private const string Rule = "-A KUBE-SERVICES -d 10.96.0.10/32 -p udp -m comment --comment \"kube-system/kube-dns:dns cluster IP\" -m udp --dport 53 -j KUBE-SVC-TCOU7JCQXEZGVUNU";

    [Fact]
    public void Acquire_SameTextFromManyNodes_OneInstance()
    {
        var pool = new RuleTextPool();

        var nodes = Enumerable.Range(0, 1000).Select(_ => pool.Acquire([new string(Rule.AsSpan())])).ToList();

        Assert.Equal(1, pool.Count);
        Assert.All(nodes, texts => Assert.Same(nodes[0][0], texts[0]));
    }

    [Fact]
    public void Release_LastReference_TextForgotten()
    {
        var pool = new RuleTextPool();
        var first = pool.Acquire([Rule, "-A KUBE-MARK-MASQ -j MARK --or-mark 0x4000"]);
        var second = pool.Acquire([Rule]);

        pool.Release(first);
        Assert.Equal(1, pool.Count);
        pool.Release(second);
        Assert.Equal(0, pool.Count);
    }
}
