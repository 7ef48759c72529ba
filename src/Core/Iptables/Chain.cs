namespace NetView.Core.Iptables;

/// <summary>
/// A chain of one table: a built-in chain with its policy and policy counters, or a user chain.
/// A chain the input only jumps to, never declares, is kept with <see cref="Declared"/> false
/// so that a dangling jump can be reported instead of being guessed away.
/// </summary>
public sealed class Chain
{
    private RuleRows? _rows;
    private int _first;
    private ChainRules? _view;

    public Chain(string table, string name)
    {
        Table = table;
        Name = name;
    }

    public string Table { get; }
    public string Name { get; }

    /// <summary>ACCEPT or DROP for built-in chains; null for user chains (printed as <c>-</c>).</summary>
    public string? Policy { get; set; }

    public Counters? PolicyCounters { get; set; }

    /// <summary>True when the input declared the chain (<c>:NAME</c>, <c>-N NAME</c>, <c>Chain NAME</c>).</summary>
    public bool Declared { get; set; }

    /// <summary>1-based line of the declaration, or of the first rule when undeclared.</summary>
    public int Line { get; set; }

    public IReadOnlyList<Rule> Rules => _rows is null ? [] : _view ??= new ChainRules(_rows, _first, RuleCount);

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

    /// <summary>The chain's rules now start at row <paramref name="first"/> (<see cref="RuleRows.Regroup"/>).</summary>
    internal void MoveRules(int first) => _first = first;

    public override string ToString() => $"{Table}/{Name}";
}
