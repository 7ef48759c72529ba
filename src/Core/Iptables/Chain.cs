namespace NetView.Core.Iptables;

/// <summary>
/// A chain of one table: a built-in chain with its policy and policy counters, or a user chain.
/// A chain the input only jumps to, never declares, is kept with <see cref="Declared"/> false
/// so that a dangling jump can be reported instead of being guessed away.
/// </summary>
public sealed class Chain : IReadOnlyList<Rule>
{
    // Every chain of iptables-save carries [0:0] or its policy's counters: one shared box for the zeros.
    private static readonly object ZeroCounters = Counters.Zero;

    private RuleRows? _rows;
    private int _first;
    private object? _policyCounters;

    public Chain(string table, string name)
    {
        Table = table;
        Name = name;
    }

    public string Table { get; }
    public string Name { get; }

    /// <summary>ACCEPT or DROP for built-in chains; null for user chains (printed as <c>-</c>).</summary>
    public string? Policy { get; set; }

    public Counters? PolicyCounters
    {
        get => (Counters?)_policyCounters;
        set => _policyCounters = value is null ? null : value.Value == Counters.Zero ? ZeroCounters : value.Value;
    }

    /// <summary>True when the input declared the chain (<c>:NAME</c>, <c>-N NAME</c>, <c>Chain NAME</c>).</summary>
    public bool Declared { get; set; }

    /// <summary>1-based line of the declaration, or of the first rule when undeclared.</summary>
    public int Line { get; set; }

    /// <summary>The chain's rules in order: consecutive rows of its rule set, each handed out as a <see cref="Rule"/> view.</summary>
    public IReadOnlyList<Rule> Rules => this;

    internal int RuleCount { get; private set; }

    public bool IsBuiltin => Name is "PREROUTING" or "INPUT" or "FORWARD" or "OUTPUT" or "POSTROUTING";

    /// <summary>Appends the rule in row <paramref name="index"/>; the parser calls it while it reads the input.</summary>
    internal void Add(RuleRows rows, int index)
    {
        if (RuleCount == 0)
        {
            (_rows, _first) = (rows, index);
        }
        else if (_first + RuleCount != index)
        {
            rows.Scattered = true;
        }

        RuleCount++;
    }

    /// <summary>The row of the chain's first rule: its rules are the rows from there on (after <see cref="RuleRows.Regroup"/>).</summary>
    internal int FirstRow => _first;

    /// <summary>
    /// Rule <paramref name="index"/> read in place, without making a view: for the checks that read
    /// every rule of a dump (duplicates, dangling jumps, orphans made 900,000 views, 29 MB of
    /// garbage, for 300,000 rules). A view (<see cref="Rules"/>) is made only for what they report.
    /// </summary>
    internal ref readonly RuleRows.Row RowAt(int index) => ref _rows![_first + index];

    /// <summary>Rule <paramref name="index"/>'s text as a slice of the input, when it is one (<see cref="RowAt"/>).</summary>
    internal bool TryGetTextSliceAt(int index, out byte[] source, out int start, out int length) =>
        _rows!.TryGetTextSlice(_first + index, out source, out start, out length);

    /// <summary>The chain's rules now start at row <paramref name="first"/> (<see cref="RuleRows.Regroup"/>).</summary>
    internal void MoveRules(int first) => _first = first;

    public override string ToString() => $"{Table}/{Name}";

    // The chain is its own rule list (explicitly, so that Chain's own members stay what they were):
    // a list object per chain was 3 MB for the 100,000 chains of a big dump.
    int IReadOnlyCollection<Rule>.Count => RuleCount;

    Rule IReadOnlyList<Rule>.this[int index] =>
        (uint)index < (uint)RuleCount ? _rows!.View(_first + index) : throw new ArgumentOutOfRangeException(nameof(index));

    IEnumerator<Rule> IEnumerable<Rule>.GetEnumerator()
    {
        for (var i = 0; i < RuleCount; i++)
        {
            yield return _rows!.View(_first + i);
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => ((IEnumerable<Rule>)this).GetEnumerator();
}
