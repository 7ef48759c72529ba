namespace NetView.Core.Iptables;

/// <summary>
/// A chain of one table: a built-in chain with its policy and policy counters, or a user chain.
/// A chain the input only jumps to, never declares, is kept with <see cref="Declared"/> false
/// so that a dangling jump can be reported instead of being guessed away.
/// </summary>
public sealed class Chain
{
    private readonly List<Rule> _rules = [];

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

    public IReadOnlyList<Rule> Rules => _rules;

    public bool IsBuiltin => Name is "PREROUTING" or "INPUT" or "FORWARD" or "OUTPUT" or "POSTROUTING";

    /// <summary>Appends a rule; used by the parser while it reads the input.</summary>
    public void Add(Rule rule) => _rules.Add(rule);

    public override string ToString() => $"{Table}/{Name}";
}
