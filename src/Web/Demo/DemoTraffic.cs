using NetView.Core.Iptables;
using NetView.Core.KubeProxy;
using NetView.Core.Wire;

namespace NetView.Web.Demo;

/// <summary>
/// Simulated clients of one demo node. Each tick opens new connections to ClusterIPs and sends
/// each one down its service's cascade the way the kernel's <c>statistic</c> match does, so the
/// counters it keeps grow where real traffic would make them grow: PREROUTING's jump to
/// KUBE-SERVICES, the ClusterIP rule, the jump to the chosen endpoint chain and its DNAT.
/// nat counters count connections, so packets = connections and bytes = 60 per SYN.
/// </summary>
public sealed class DemoTraffic
{
    private const int SynBytes = 60;
    private readonly Random _random;
    private readonly List<Route> _routes = [];
    private readonly long[] _counts;
    private readonly Func<Rule, int> _slotOf;
    private readonly int? _portal;

    /// <param name="slotOf">The counter slot of a rule: its position among the rule lines of the snapshot text.</param>
    public DemoTraffic(RuleSet rules, KubeProxyAnalysis analysis, int slots, Func<Rule, int> slotOf, int seed)
    {
        _random = new Random(seed);
        _counts = new long[slots];
        _slotOf = slotOf;
        var nat = rules.Table("nat");
        var portal = nat?.Chain("PREROUTING")?.Rules.FirstOrDefault(r => r.Target.Name == "KUBE-SERVICES");
        _portal = portal is null ? null : Key(portal);
        foreach (var port in analysis.ServicePorts)
        {
            var entry = nat?.Chain("KUBE-SERVICES")?.Rules.FirstOrDefault(r => r.Target.Name == port.Chains.Svc);
            var svc = port.Chains.Svc is { } name ? nat?.Chain(name) : null;
            if (entry is null || svc is null)
            {
                continue;
            }

            var steps = new List<(double Probability, int Jump, int? Dnat)>();
            foreach (var rule in svc.Rules)
            {
                // The cascade: statistic rules in order, the last endpoint without one. Affinity
                // (recent --rcheck) rules only matter for returning clients; the demo's clients are new.
                if (!rule.Target.Name.StartsWith(ChainNames.Sep, StringComparison.Ordinal) || rule.MatchOf("recent") is not null)
                {
                    continue;
                }

                var probability = rule.Option("--probability")?.Value is { } p && double.TryParse(p, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : 1.0;
                var dnat = nat!.Chain(rule.Target.Name)?.Rules.FirstOrDefault(r => r.Target.Name == "DNAT");
                steps.Add((probability, Key(rule), dnat is null ? null : Key(dnat)));
            }

            _routes.Add(new Route(Key(entry), steps, Weight: 1 + _random.Next(10)));
        }
    }

    public int Routes => _routes.Count;

    /// <summary>Opens about <paramref name="connections"/> new connections, spread over services by weight.</summary>
    public void Tick(int connections)
    {
        if (_routes.Count == 0)
        {
            return;
        }

        var totalWeight = _routes.Sum(r => r.Weight);
        foreach (var route in _routes)
        {
            var expected = (double)connections * route.Weight / totalWeight;
            var count = (int)expected + (_random.NextDouble() < expected - (int)expected ? 1 : 0);
            for (var i = 0; i < count; i++)
            {
                Add(_portal);
                Add(route.Entry);
                foreach (var step in route.Steps)
                {
                    if (_random.NextDouble() < step.Probability)
                    {
                        Add(step.Jump);
                        Add(step.Dnat);
                        break;
                    }
                }
            }
        }
    }

    /// <summary>Writes every slot's counters, as <c>iptables-save -c</c> would read them now.</summary>
    public void WriteTo(RuleCounters counters)
    {
        counters.Zero(_counts.Length);
        for (var slot = 0; slot < _counts.Length; slot++)
        {
            if (_counts[slot] != 0)
            {
                counters.Set(slot, _counts[slot], _counts[slot] * SynBytes);
            }
        }
    }

    private void Add(int? slot)
    {
        if (slot is { } s && s >= 0)
        {
            _counts[s]++;
        }
    }

    private int Key(Rule rule) => _slotOf(rule);

    private sealed record Route(int Entry, List<(double Probability, int Jump, int? Dnat)> Steps, int Weight);
}
