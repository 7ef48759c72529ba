namespace NetView.Core.Iptables;

/// <summary>
/// Rules of one rule set kept as row numbers, read as views (<see cref="RuleRows.View"/>): a
/// service port's rules in 4 bytes each instead of a view and a list slot (40 bytes). Made while
/// reading the chains; rules of another rule set cannot be added. A slot may hold no rule (the
/// walk's list of each endpoint's DNAT rule): <see cref="At"/> reads those.
/// </summary>
internal sealed class RuleRowList : IReadOnlyList<Rule>
{
    private RuleRows? _rows;
    private int[] _indexes = [];

    public int Count { get; private set; }

    public Rule this[int index] =>
        At(index) ?? throw new InvalidOperationException($"slot {index} holds no rule");

    /// <summary>The rule in slot <paramref name="index"/>, or null when it holds none.</summary>
    public Rule? At(int index) =>
        (uint)index >= (uint)Count ? throw new ArgumentOutOfRangeException(nameof(index))
        : _indexes[index] < 0 ? null
        : _rows!.View(_indexes[index]);

    public void Add(Rule? rule)
    {
        if (rule is not null && !ReferenceEquals(_rows ??= rule.Rows, rule.Rows))
        {
            throw new ArgumentException("the rule belongs to another rule set", nameof(rule));
        }

        if (Count == _indexes.Length)
        {
            Reserve(Math.Max(4, Count));
        }

        _indexes[Count++] = rule?.RowIndex ?? -1;
    }

    /// <summary>Makes room for <paramref name="more"/> rules at once (a chain's), instead of doubling up to them.</summary>
    public void Reserve(int more)
    {
        if (_indexes.Length < Count + more)
        {
            Array.Resize(ref _indexes, Count + more);
        }
    }

    public IEnumerator<Rule> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
