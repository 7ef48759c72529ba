using NetView.Core.Iptables;

namespace NetView.Core.KubeProxy.Simulation;

/// <summary>
/// One table as iptables-save prints it: built-in chains in hook order, then user chains sorted
/// by name (libiptc and iptables-nft both list them so), each chain's rules in the order appended.
/// </summary>
internal sealed class SaveTable
{
    private readonly List<string> _builtIns;
    private readonly Dictionary<string, List<string>> _rules = new(StringComparer.Ordinal);

    public SaveTable(string name, params string[] builtInChains)
    {
        Name = name;
        _builtIns = [.. builtInChains];
        foreach (var chain in builtInChains)
        {
            _rules.Add(chain, []);
        }
    }

    public string Name { get; }

    public int RuleCount => _rules.Values.Sum(rules => rules.Count);

    public void AddChain(string chain) => _rules.TryAdd(chain, []);

    public void Append(string chain, SaveRule rule)
    {
        if (!_rules.TryGetValue(chain, out var rules))
        {
            throw new InvalidOperationException($"Rule appended to chain {chain} of table {Name} before the chain was declared.");
        }

        rules.Add(rule.ToText(chain));
    }

    public void WriteTo(TextWriter output, RuleCounterSource? counters)
    {
        output.Write('*');
        output.Write(Name);
        output.Write('\n');
        var userChains = _rules.Keys.Where(chain => !_builtIns.Contains(chain)).Order(StringComparer.Ordinal).ToList();
        foreach (var chain in _builtIns)
        {
            var policy = counters?.Invoke(Name, chain, 0, $":{chain} ACCEPT") ?? Counters.Zero;
            output.Write($":{chain} ACCEPT [{policy.Packets}:{policy.Bytes}]\n");
        }

        foreach (var chain in userChains)
        {
            output.Write($":{chain} - [0:0]\n");
        }

        foreach (var chain in _builtIns.Concat(userChains))
        {
            var number = 0;
            foreach (var rule in _rules[chain])
            {
                number++;
                if (counters is not null)
                {
                    var counted = counters(Name, chain, number, rule);
                    output.Write($"[{counted.Packets}:{counted.Bytes}] ");
                }

                output.Write(rule);
                output.Write('\n');
            }
        }

        output.Write("COMMIT\n");
    }
}
