using NetView.Core.Iptables;

namespace NetView.Web.ViewModels;

/// <summary>
/// The node page's state for one node: which family, table and chain are shown, the table's
/// family-collapsed chain graph, and the chain's rules with counter deltas between readings.
/// One instance per page (per circuit), refreshed when the source reports a change.
/// </summary>
public sealed class NodeView
{
    private readonly RateTracker<string> _counters = new(capacity: 2, maxKeys: 20_000);
    private RuleSet? _graphFor;
    private string? _graphTable;

    public NodeRuleSets? Rules { get; private set; }
    public FamilyRules? Current { get; private set; }
    public IpFamily Family { get; private set; } = IpFamily.IPv4;
    public string Table { get; private set; } = "nat";
    public string? Chain { get; private set; }
    public ChainGraph? Graph { get; private set; }
    public IReadOnlyList<RuleRow> Rows { get; private set; } = [];

    /// <summary>True when the table counts connections (nat) rather than packets.</summary>
    public bool CountsConnections => Table == "nat";

    public IReadOnlyList<string> Tables => Current?.Rules.Tables.Select(t => t.Name).ToList() ?? [];

    public Chain? SelectedChain => Chain is null ? null : Current?.Rules.Table(Table)?.Chain(Chain);

    /// <summary>Applies the URL's choices and the source's latest rules; unknown choices fall back to what exists.</summary>
    public void Show(NodeRuleSets? rules, IpFamily? family, string? table, string? chain)
    {
        Rules = rules;
        Current = rules is null ? null : (family is { } f ? rules.Family(f) : null) ?? rules.Families.FirstOrDefault();
        Family = Current?.Family ?? IpFamily.IPv4;
        var tables = Current?.Rules.Tables;
        Table = table is not null && Current?.Rules.Table(table) is not null ? table
            : tables?.FirstOrDefault(t => t.Name == "nat")?.Name ?? tables?.FirstOrDefault()?.Name ?? "nat";
        Chain = chain is not null && Current?.Rules.Table(Table)?.Chain(chain) is not null ? chain : null;
        Refresh();
    }

    /// <summary>Re-reads counters of the shown chain; rebuilds the graph only when the rules themselves changed.</summary>
    public void Refresh()
    {
        var table = Current?.Rules.Table(Table);
        if (table is null)
        {
            Graph = null;
            Rows = [];
            return;
        }

        if (!ReferenceEquals(_graphFor, Current!.Rules) || _graphTable != Table)
        {
            Graph = ChainGraphBuilder.Build(table);
            _graphFor = Current.Rules;
            _graphTable = Table;
        }

        var chain = Chain is null ? null : table.Chain(Chain);
        Rows = chain is null ? [] : RowsOf(chain, Current);
    }

    private List<RuleRow> RowsOf(Chain chain, FamilyRules family)
    {
        var rows = new List<RuleRow>(chain.Rules.Count);
        foreach (var rule in chain.Rules)
        {
            long? delta = null;
            var counters = family.CountersOf(rule);
            if (counters is { } read)
            {
                var key = rule.Reference + " " + rule.Text;
                _counters.Observe(key, family.CountersAt, read.Packets);
                delta = _counters.LastDelta(key);
            }

            rows.Add(new RuleRow(rule.Number, rule.Line, rule.Text, rule.Target.Name, counters?.Packets, counters?.Bytes, delta));
        }

        return rows;
    }
}
