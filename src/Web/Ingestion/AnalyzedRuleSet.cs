using System.Text;
using NetView.Core.Iptables;
using NetView.Core.KubeProxy;

namespace NetView.Web.Ingestion;

/// <summary>
/// One distinct rule set (one content hash) parsed and analysed once, shared by every node that
/// sends the same hash. Counter slot i is the i-th <c>-A</c> line of the text, as the agent's
/// counter frames count them. Immutable once built; its counters live per node.
/// </summary>
public sealed class AnalyzedRuleSet
{
    private readonly Dictionary<Rule, int> _slotOfRule;

    private AnalyzedRuleSet(
        string hash, string backend, byte[] compressed, int textLength, RuleSet ruleSet, KubeProxyAnalysis analysis,
        string[] slotTexts, Rule?[] slots, Dictionary<Rule, int> slotOfRule)
    {
        Hash = hash;
        Backend = backend;
        Compressed = compressed;
        TextLength = textLength;
        RuleSet = ruleSet;
        Analysis = analysis;
        SlotTexts = slotTexts;
        Slots = slots;
        _slotOfRule = slotOfRule;
        EndpointSlots = FindEndpointSlots();
        ChainEntrySlots = FindChainEntrySlots();
    }

    /// <summary>Lower-case hex SHA-256 of the rule text, as the agent computed and the assembler verified.</summary>
    public string Hash { get; }

    public IpFamily Family => RuleSet.Family;

    /// <summary><c>legacy</c> or <c>nf_tables</c>, as the agent reported.</summary>
    public string Backend { get; }

    /// <summary>The rule text, Brotli-compressed as it travelled (kept for the store and for re-analysis with counters).</summary>
    internal byte[] Compressed { get; }

    internal int TextLength { get; }

    /// <summary>The parsed rules, without counters (counters are per node: see <see cref="NodeRuleSet"/>).</summary>
    public RuleSet RuleSet { get; }

    public KubeProxyAnalysis Analysis { get; }

    public int RuleCount => Slots.Count;

    /// <summary>The text of each slot's rule, pooled across all nodes. Untrusted text.</summary>
    public IReadOnlyList<string> SlotTexts { get; }

    /// <summary>The parsed rule of each slot; null where the parser could not read the line.</summary>
    public IReadOnlyList<Rule?> Slots { get; }

    /// <summary>Slot of each endpoint's DNAT rule, keyed by <see cref="SeriesKey.EndpointSubject"/>.</summary>
    internal IReadOnlyDictionary<int, string> EndpointSlots { get; }

    /// <summary>For each slot that jumps or goes to a kube-proxy chain, that chain.</summary>
    internal IReadOnlyDictionary<int, string> ChainEntrySlots { get; }

    /// <summary>The counter slot of a rule of <see cref="RuleSet"/>, or -1.</summary>
    public int SlotOf(Rule rule) => _slotOfRule.GetValueOrDefault(rule, -1);

    /// <summary>The DNAT rule of an endpoint (in its KUBE-SEP chain), or null.</summary>
    public Rule? DnatRuleOf(ServiceEndpoint endpoint)
    {
        var chain = RuleSet.Table("nat")?.Chain(endpoint.Chain);
        return chain?.Rules.FirstOrDefault(r => r.Target.Name == "DNAT");
    }

    /// <summary>Parses and analyses a snapshot's text; throws <see cref="InvalidDumpException"/> for text that is no dump.</summary>
    internal static AnalyzedRuleSet Build(string hash, string backend, IpFamily family, byte[] compressed, ReadOnlySpan<byte> text, RuleTextPool pool)
    {
        var ruleSet = IptablesParser.Parse(text);
        ruleSet.Family = family;
        var slotTexts = new List<string>();
        var slotOfLine = new Dictionary<int, int>();
        var lineNumber = 0;
        foreach (var range in text.Split((byte)'\n'))
        {
            lineNumber++;
            var line = text[range];
            if (line.StartsWith("-A "u8))
            {
                slotOfLine[lineNumber] = slotTexts.Count;
                slotTexts.Add(Encoding.UTF8.GetString(line.TrimEnd((byte)'\r')));
            }
        }

        var slots = new Rule?[slotTexts.Count];
        var slotOfRule = new Dictionary<Rule, int>();
        foreach (var rule in ruleSet.AllRules())
        {
            if (slotOfLine.TryGetValue(rule.Line, out var slot))
            {
                slots[slot] = rule;
                slotOfRule[rule] = slot;
            }
        }

        return new AnalyzedRuleSet(hash, backend, compressed, text.Length, ruleSet, KubeProxyAnalyzer.Analyze(ruleSet), pool.Acquire(slotTexts), slots, slotOfRule);
    }

    private Dictionary<int, string> FindEndpointSlots()
    {
        var slots = new Dictionary<int, string>();
        foreach (var servicePort in Analysis.ServicePorts)
        {
            foreach (var endpoint in servicePort.Endpoints)
            {
                var dnat = DnatRuleOf(endpoint);
                if (dnat is not null && SlotOf(dnat) is var slot and >= 0)
                {
                    slots[slot] = SeriesKey.EndpointSubject(servicePort.Name, endpoint.Address);
                }
            }
        }

        return slots;
    }

    private Dictionary<int, string> FindChainEntrySlots()
    {
        var slots = new Dictionary<int, string>();
        var nat = RuleSet.Table("nat");
        if (nat is null)
        {
            return slots;
        }

        foreach (var chain in nat.Chains)
        {
            foreach (var rule in chain.Rules)
            {
                // KUBE-MARK-* only sets a mark; following it would count every service twice.
                if (rule.Target.Name.StartsWith("KUBE-", StringComparison.Ordinal)
                    && !rule.Target.Name.StartsWith("KUBE-MARK-", StringComparison.Ordinal)
                    && nat.Chain(rule.Target.Name) is not null
                    && SlotOf(rule) is var slot and >= 0)
                {
                    slots[slot] = rule.Target.Name;
                }
            }
        }

        return slots;
    }
}
