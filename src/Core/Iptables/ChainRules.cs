using System.Collections;

namespace NetView.Core.Iptables;

/// <summary>A chain's rules: consecutive rows of its rule set, each handed out as a <see cref="Rule"/> view.</summary>
internal sealed class ChainRules(RuleRows rows, int first, int count) : IReadOnlyList<Rule>
{
    public int Count => count;

    public Rule this[int index] =>
        (uint)index < (uint)count ? rows.View(first + index) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<Rule> GetEnumerator()
    {
        for (var i = 0; i < count; i++)
        {
            yield return rows.View(first + i);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
