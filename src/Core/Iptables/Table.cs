namespace NetView.Core.Iptables;

/// <summary>One netfilter table (raw, mangle, nat, filter, security) with its chains in input order.</summary>
public sealed class Table
{
    private readonly List<Chain> _chains = [];
    private readonly Dictionary<string, Chain> _byName = new(StringComparer.Ordinal);

    public Table(string name)
    {
        Name = name;
    }

    public string Name { get; }

    /// <summary>True when the input had no <c>*table</c> line and the table was inferred from chain names and targets.</summary>
    public bool Inferred { get; set; }

    public IReadOnlyList<Chain> Chains => _chains;

    public Chain? Chain(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Makes room for <paramref name="more"/> chains beyond those the table has.</summary>
    internal void ReserveChains(int more)
    {
        _byName.EnsureCapacity(_byName.Count + more);
        _chains.EnsureCapacity(_chains.Count + more);
    }

    /// <summary>The chain with this name, created (undeclared) when the input has not declared it yet.</summary>
    public Chain GetOrAddChain(string name)
    {
        // One lookup for both the question and the answer: a big dump declares 100,000 chains.
        ref var chain = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_byName, name, out var exists);
        if (!exists)
        {
            chain = new Chain(Name, name);
            _chains.Add(chain);
        }

        return chain!;
    }

    public int RuleCount
    {
        get
        {
            var count = 0;
            foreach (var chain in _chains)
            {
                count += chain.RuleCount;
            }

            return count;
        }
    }

    public override string ToString() => Name;
}
