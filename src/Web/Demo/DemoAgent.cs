using System.Text;
using NetView.Core.Iptables;
using NetView.Core.KubeProxy;
using NetView.Core.KubeProxy.Simulation;
using NetView.Core.Wire;
using NetView.Web.Ingestion;

namespace NetView.Web.Demo;

/// <summary>
/// One simulated node agent, in process: it says hello, sends its rules (the generator's text for
/// this node) as a snapshot, and then every tick a counter frame, all encoded by Core/Wire and
/// handed to the same <see cref="AgentSession"/> entry points the hub uses for real agents.
/// </summary>
internal sealed class DemoAgent
{
    private const string Backend = "nf_tables";
    private readonly AgentSession _session;
    private readonly RuleSetSnapshot _snapshot;
    private readonly DemoTraffic _traffic;
    private readonly RuleCounters _current = new();
    private readonly int _intervalMilliseconds;
    private RuleCounters? _previous;
    private long _sequence;

    public DemoAgent(ClusterSpec cluster, NodeSpec node, AgentSession session, int seed, TimeSpan interval)
    {
        Node = node.Name;
        _session = session;
        _intervalMilliseconds = (int)interval.TotalMilliseconds;
        var scanner = new SaveCountersScanner();
        scanner.Reset();
        scanner.Append(Encoding.UTF8.GetBytes(KubeProxyRulesWriter.Write(cluster, node)));
        var ruleText = scanner.RuleText;
        _snapshot = SnapshotEncoder.Encode(IpFamily.IPv4, Backend, ruleText);

        // Counter slots follow the rule lines of the snapshot text, as on the receiving side.
        var rules = IptablesParser.Parse(ruleText);
        var slots = new Dictionary<Rule, int>();
        foreach (var rule in rules.AllRules().OrderBy(r => r.Line))
        {
            slots[rule] = slots.Count;
        }

        _traffic = new DemoTraffic(rules, KubeProxyAnalyzer.Analyze(rules), slots.Count, r => slots.GetValueOrDefault(r, -1), seed);
    }

    public string Node { get; }

    public void Connect()
    {
        _session.Hello(new AgentHello(WireVersion.Current, Node, "demo", [IpFamily.IPv4], Backend, _intervalMilliseconds, false, "simulated demo agent"));
        SendSnapshot();
    }

    /// <summary>Opens this tick's connections and sends the counters that moved.</summary>
    public void Tick(int connections, DateTimeOffset now)
    {
        _traffic.Tick(connections);
        _traffic.WriteTo(_current);
        var frames = CounterFrameEncoder.Encode(IpFamily.IPv4, _snapshot.Hash, _sequence + 1, now.ToUnixTimeMilliseconds(), _previous, _current, readMilliseconds: 0, _intervalMilliseconds);
        _sequence += frames.Count;
        foreach (var frame in frames)
        {
            if (_session.Counters(frame).Outcome == IngestOutcome.NeedSnapshot)
            {
                SendSnapshot();
                _previous = null;
                return;
            }
        }

        _previous ??= new RuleCounters();
        _previous.CopyFrom(_current);
    }

    public void Close() => _session.Closed();

    private void SendSnapshot()
    {
        foreach (var chunk in _snapshot.ToChunks())
        {
            _session.SnapshotChunk(chunk);
        }
    }
}
