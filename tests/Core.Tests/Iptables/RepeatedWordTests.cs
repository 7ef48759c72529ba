using System.Text;
using NetView.Core.Iptables.Parsing;

namespace NetView.Core.Tests.Iptables;

public sealed class RepeatedWordTests
{
    [Fact]
    public void Intern_NextDeclaredWordOrAnyOther_SameIdAsThePool()
    {
        // Declared A B C D E F, then rules name them in another order, repeated, and unknown words.
        var source = Encoding.ASCII.GetBytes("A B C D E F|A A B D C F E A G G B");
        var pool = new StringPool(source, source.Length);
        var declared = new Dictionary<string, int>();
        foreach (var (start, length) in Words(source, 0, 11))
        {
            declared[Encoding.ASCII.GetString(source, start, length)] = pool.Intern(start, length);
        }

        var words = new RepeatedWord(source, pool);
        foreach (var (start, length) in Words(source, 12, source.Length))
        {
            var text = Encoding.ASCII.GetString(source, start, length);
            var id = words.Intern(new Token(start, length, TokenFlags.None));

            Assert.Equal(text, pool[id]);
            if (declared.TryGetValue(text, out var expected))
            {
                Assert.Equal(expected, id);
            }
        }
    }

    private static IEnumerable<(int Start, int Length)> Words(byte[] source, int from, int to)
    {
        for (var i = from; i < to; i += 2)
        {
            yield return (i, 1);
        }
    }
}
