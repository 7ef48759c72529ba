using System.Buffers;
using Microsoft.AspNetCore.SignalR.Protocol;
using NetView.Core.Iptables;
using NetView.Core.KubeProxy.Simulation;
using NetView.Core.Wire;

namespace NetView.Benchmarks;

/// <summary>
/// The agent's per-tick work after iptables-save returned, on two consecutive dumps of one node
/// (generator: 6,000 service ports × 5 endpoints ≈ 100,000 rules, legacy, with counters) where
/// the second has 1% of the rule counters moved: scan counters out, compare the rule text with
/// the previous tick's, encode the counter frame, serialize it as SignalR's MessagePack protocol
/// does. Shared by <see cref="AgentTickBenchmarks"/> and the <c>agent-tick</c> command.
/// </summary>
internal sealed class AgentTick
{
    private readonly MessagePackHubProtocol _protocol = new();
    private readonly ArrayBufferWriter<byte> _wire = new(1 << 16);
    private SaveCountersScanner _previous = new();
    private SaveCountersScanner _current = new();
    private string _hash = "";

    public AgentTick(int servicePorts = 6000, int endpoints = 5, double movedShare = 0.01)
    {
        var cluster = ClusterSpecGenerator.Random(1, servicePorts, endpoints, ClusterSpecGeneratorOptions.Plain);
        First = Dump(cluster, moved: 0, movedShare);
        Second = Dump(cluster, moved: 1, movedShare);
    }

    /// <summary>The first tick's <c>iptables-save -c</c> output.</summary>
    public byte[] First { get; }

    /// <summary>The next tick's: the same rules, 1% of the counters moved.</summary>
    public byte[] Second { get; }

    public int RuleCount => _current.Counters.Count;

    /// <summary>Reads <see cref="First"/> as the baseline tick and makes its snapshot.</summary>
    public RuleSetSnapshot Baseline()
    {
        _previous.Reset();
        _previous.Append(First);
        _hash = SnapshotEncoder.Hash(_previous.RuleText);
        return SnapshotEncoder.Encode(IpFamily.IPv4, "legacy", _previous.RuleText, _hash, _previous.Counters.Count);
    }

    /// <summary>One tick on <paramref name="dump"/> against the baseline; returns the serialized frame bytes.</summary>
    public int Tick(byte[] dump, out int changedRules)
    {
        _current.Reset();
        _current.Append(dump);
        if (!_current.RuleText.SequenceEqual(_previous.RuleText))
        {
            throw new InvalidOperationException("the rule text changed between ticks");
        }

        var frames = CounterFrameEncoder.Encode(IpFamily.IPv4, _hash, 2, 1_764_206_250_000, _previous.Counters, _current.Counters, 340, 1000);
        _wire.ResetWrittenCount();
        foreach (var frame in frames)
        {
            _protocol.WriteMessage(new InvocationMessage(HubMethods.Counters, [frame]), _wire);
        }

        changedRules = CountChanged(_previous.Counters, _current.Counters);
        return _wire.WrittenCount;
    }

    private static int CountChanged(RuleCounters a, RuleCounters b)
    {
        var changed = 0;
        for (var slot = 0; slot < a.Count; slot++)
        {
            changed += a[slot] == b[slot] ? 0 : 1;
        }

        return changed;
    }

    private static byte[] Dump(ClusterSpec cluster, int moved, double movedShare)
    {
        var baseline = new Random(7);
        var movement = new Random(42);
        var options = RulesWriterOptions.Default with
        {
            Backend = IptablesBackend.Legacy,
            Counters = (table, _, number, _) =>
            {
                var packets = baseline.NextInt64(0, 1_000_000);
                var counters = new Counters(packets, packets * baseline.Next(60, 1500));
                if (number == 0 || movement.NextDouble() >= movedShare || moved == 0)
                {
                    return counters;
                }

                var more = movement.Next(1, 50);
                return counters with { Packets = counters.Packets + more, Bytes = counters.Bytes + (more * movement.Next(60, 1500)) };
            },
        };
        return System.Text.Encoding.UTF8.GetBytes(KubeProxyRulesWriter.Write(cluster, cluster.Nodes[0], options));
    }
}
