using NetView.Core.Iptables;

namespace NetView.Web.Ingestion;

/// <summary>
/// The distinct rule sets held for all nodes, by content hash, reference-counted by the nodes
/// using them: a thousand nodes with the same rules hold one parsed and analysed copy, and a rule
/// set no node uses any more is released (with its pooled rule texts).
/// </summary>
internal sealed class RuleSetCatalog
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(IpFamily, string), Entry> _entries = [];

    public RuleSetCatalog(RuleTextPool pool)
    {
        Pool = pool;
    }

    public RuleTextPool Pool { get; }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Takes a reference on a held rule set, or returns null when no node holds this hash.</summary>
    public AnalyzedRuleSet? TryAcquire(IpFamily family, string hash)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue((family, hash), out var entry))
            {
                entry.References++;
                return entry.RuleSet;
            }

            return null;
        }
    }

    /// <summary>Adds a freshly built rule set with one reference, or takes one on the copy another node added meanwhile.</summary>
    public AnalyzedRuleSet Add(AnalyzedRuleSet ruleSet)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue((ruleSet.Family, ruleSet.Hash), out var entry))
            {
                entry.References++;
                Pool.Release(ruleSet.SlotTexts);
                return entry.RuleSet;
            }

            _entries.Add((ruleSet.Family, ruleSet.Hash), new Entry(ruleSet));
            return ruleSet;
        }
    }

    public void Release(AnalyzedRuleSet ruleSet)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue((ruleSet.Family, ruleSet.Hash), out var entry) && --entry.References == 0)
            {
                _entries.Remove((ruleSet.Family, ruleSet.Hash));
                Pool.Release(ruleSet.SlotTexts);
            }
        }
    }

    private sealed class Entry(AnalyzedRuleSet ruleSet)
    {
        public AnalyzedRuleSet RuleSet { get; } = ruleSet;
        public int References { get; set; } = 1;
    }
}
