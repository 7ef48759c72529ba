namespace NetView.Web.Ingestion;

/// <summary>
/// One copy of each distinct rule text across all nodes. kube-proxy writes nearly the same rules
/// on every node, so the per-node rule order holds references into this pool and memory grows
/// with distinct rules, not nodes × rules. Reference-counted: a text no rule set uses any more
/// is released, so the pool is bounded by the rule sets currently held.
/// </summary>
internal sealed class RuleTextPool
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Distinct texts currently held.</summary>
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

    /// <summary>Returns the pooled copies of <paramref name="texts"/>, taking one reference on each.</summary>
    public string[] Acquire(IReadOnlyList<string> texts)
    {
        var pooled = new string[texts.Count];
        lock (_gate)
        {
            for (var i = 0; i < texts.Count; i++)
            {
                if (_entries.TryGetValue(texts[i], out var entry))
                {
                    entry.References++;
                }
                else
                {
                    entry = new Entry(texts[i]);
                    _entries.Add(entry.Text, entry);
                }

                pooled[i] = entry.Text;
            }
        }

        return pooled;
    }

    /// <summary>Drops one reference on each text; texts nobody uses are forgotten.</summary>
    public void Release(IReadOnlyList<string> texts)
    {
        lock (_gate)
        {
            foreach (var text in texts)
            {
                if (_entries.TryGetValue(text, out var entry) && --entry.References == 0)
                {
                    _entries.Remove(text);
                }
            }
        }
    }

    private sealed class Entry(string text)
    {
        public string Text { get; } = text;
        public int References { get; set; } = 1;
    }
}
