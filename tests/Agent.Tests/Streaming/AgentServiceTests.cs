using System.Text;
using NetView.Agent.Streaming;
using NetView.Agent.Tests.Shared;
using NetView.Core.Iptables;
using NetView.Core.Wire;

namespace NetView.Agent.Tests.Streaming;

/// <summary>
/// The whole agent loop against a real SignalR hub on Kestrel, with canned iptables-save outputs
/// whose counters grow on every read. The receiving side uses the Wire assembler and decoder, as
/// the server does.
/// </summary>
public sealed class AgentServiceTests
{
    private const string Rules = """
        *nat
        :PREROUTING ACCEPT [0:0]
        :KUBE-SERVICES - [0:0]
        :KUBE-SVC-TCOU7JCQXEZGVUNU - [0:0]
        [{0}:{1}] -A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
        [{0}:{1}] -A KUBE-SERVICES -d 10.96.0.10/32 -p udp -m comment --comment "kube-system/kube-dns:dns cluster IP" -m udp --dport 53 -j KUBE-SVC-TCOU7JCQXEZGVUNU
        [0:0] -A KUBE-SVC-TCOU7JCQXEZGVUNU -m comment --comment "kube-system/kube-dns:dns -> 10.244.0.2:53" -j KUBE-SEP-IT2ZTR26TO4XFPTO
        COMMIT

        """;

    /// <summary>The rules as plain iptables-save prints them, which the backend choice counts.</summary>
    private static string WithoutCounters() => string.Format(Rules, 0, 0).Replace("[0:0] ", "");

    /// <summary>What a server knows per family: the assembled snapshot and the counters decoded onto it.</summary>
    private sealed class Receiver
    {
        private readonly Dictionary<IpFamily, SnapshotAssembler> _assemblers = new() { [IpFamily.IPv4] = new(), [IpFamily.IPv6] = new() };

        public Dictionary<IpFamily, (string Hash, string Text, RuleCounters Counters)> Families { get; } = [];
        public Dictionary<IpFamily, List<CounterFrame>> Frames { get; } = new() { [IpFamily.IPv4] = [], [IpFamily.IPv6] = [] };
        public List<AgentHello> Hellos { get; } = [];
        public Dictionary<IpFamily, int> SnapshotsCompleted { get; } = new() { [IpFamily.IPv4] = 0, [IpFamily.IPv6] = 0 };

        public void Take(object item)
        {
            switch (item)
            {
                case AgentHello hello:
                    Hellos.Add(hello);
                    break;
                case RuleSetSnapshotChunk chunk:
                    var assembly = _assemblers[chunk.Family].Add(chunk);
                    Assert.NotEqual(SnapshotAssemblyState.Rejected, assembly.State);
                    if (assembly.State == SnapshotAssemblyState.Complete)
                    {
                        var counters = new RuleCounters();
                        counters.Zero(assembly.Snapshot!.RuleCount);
                        Families[chunk.Family] = (chunk.Hash, Encoding.UTF8.GetString(assembly.Text!), counters);
                        SnapshotsCompleted[chunk.Family]++;
                    }

                    break;
                case CounterFrame frame:
                    var (hash, _, state) = Families[frame.Family];
                    var result = CounterFrameDecoder.Apply(frame, hash, state);
                    Assert.True(result.Accepted, result.Reason);
                    Frames[frame.Family].Add(frame);
                    break;
            }
        }

        public void Until(RecordingHubServer server, Func<Receiver, bool> done)
        {
            while (!done(this))
            {
                Assert.True(server.Received.TryTake(out var item, TimeSpan.FromSeconds(60)), "the agent went quiet");
                Take(item);
            }
        }
    }

    [Fact]
    public async Task RunAsync_ServerRestarts_HelloSnapshotAgainAndBacklogWithoutHoles()
    {
        var reads = 0;
        var readSignal = new SemaphoreSlim(0);
        var runner = new CannedCommandRunner()
            .Answer("iptables-nft-save", "").Answer("ip6tables-nft-save", "")
            .Answer("iptables-legacy-save", WithoutCounters()).Answer("ip6tables-legacy-save", "")
            .Answer("iptables-legacy-save -c -t nat", () =>
            {
                var tick = Interlocked.Increment(ref reads);
                readSignal.Release();
                return string.Format(Rules, tick * 10, tick * 600);
            })
            .Answer("iptables-legacy-save -c -t filter", "*filter\n:INPUT ACCEPT [0:0]\nCOMMIT\n")
            .Answer("ip6tables-legacy-save -c -t nat", "").Answer("ip6tables-legacy-save -c -t filter", "");
        await using var server = new RecordingHubServer();
        await server.StartAsync();
        using var http = new HttpClient();
        var options = new AgentOptions(server.Address, RecordingHubServer.Token, "node-a", TimeSpan.FromMilliseconds(100));
        var service = new AgentService(options, runner, TimeProvider.System, new AgentLog(TextWriter.Null, TimeProvider.System), http, new Random(1));
        using var stop = new CancellationTokenSource();
        var running = service.RunAsync(stop.Token);
        var receiver = new Receiver();

        receiver.Until(server, r => r.Frames[IpFamily.IPv4].Count >= 3);

        var hello = receiver.Hellos[0];
        Assert.Equal("node-a", hello.Node);
        Assert.Equal("legacy", hello.Backend);
        var (_, text, counters) = receiver.Families[IpFamily.IPv4];
        Assert.Contains("-A KUBE-SERVICES -d 10.96.0.10/32 -p udp", text);
        Assert.True(receiver.Frames[IpFamily.IPv4][0].Keyframe);
        var lastSequence = receiver.Frames[IpFamily.IPv4][^1].Sequence;
        Assert.Equal(Enumerable.Range(1, (int)lastSequence).Select(i => (long)i), receiver.Frames[IpFamily.IPv4].Select(f => f.Sequence));
        Assert.Equal(counters[0].Packets, counters[1].Packets);
        Assert.True(counters[0].Packets >= 30);

        await server.StopAsync();
        var readsWhileDown = Volatile.Read(ref reads);
        while (Volatile.Read(ref reads) < readsWhileDown + 5)
        {
            Assert.True(await readSignal.WaitAsync(TimeSpan.FromSeconds(60)));
        }

        await server.StartAsync();
        var before = receiver.Frames[IpFamily.IPv4].Count;
        var readsBeforeRestart = readsWhileDown + 5;
        receiver.Until(server, r => r.Frames[IpFamily.IPv4][^1].Keyframe && r.Families[IpFamily.IPv4].Counters[0].Packets >= readsBeforeRestart * 10);

        // Frames read while the server was down arrived after it came back, in order, none missing.
        var sequences = receiver.Frames[IpFamily.IPv4].Select(f => f.Sequence).ToList();
        Assert.True(receiver.Hellos.Count >= 2);
        Assert.True(sequences.Count >= before + 5);
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);

        stop.Cancel();
        await running;
    }

    [Fact]
    public async Task RunAsync_ServerAsksForSnapshot_ChunksSentAgainThenKeyframe()
    {
        var runner = new CannedCommandRunner()
            .Answer("iptables-nft-save", WithoutCounters()).Answer("ip6tables-nft-save", "")
            .Answer("iptables-nft-save -c -t nat", string.Format(Rules, 5, 300)).Answer("iptables-nft-save -c -t filter", "")
            .Answer("ip6tables-nft-save -c -t nat", "").Answer("ip6tables-nft-save -c -t filter", "");
        await using var server = new RecordingHubServer();
        await server.StartAsync();
        using var http = new HttpClient();
        var options = new AgentOptions(server.Address, RecordingHubServer.Token, "node-b", TimeSpan.FromMilliseconds(100));
        var service = new AgentService(options, runner, TimeProvider.System, new AgentLog(TextWriter.Null, TimeProvider.System), http, new Random(2));
        using var stop = new CancellationTokenSource();
        var running = service.RunAsync(stop.Token);
        var receiver = new Receiver();
        receiver.Until(server, r => r.Frames[IpFamily.IPv4].Count >= 2);
        var hash = receiver.Families[IpFamily.IPv4].Hash;

        await server.RequestSnapshotAsync(new SnapshotRequest(WireVersion.Current, IpFamily.IPv4, hash, "unknown snapshot"));
        var snapshots = receiver.SnapshotsCompleted[IpFamily.IPv4];
        var frames = receiver.Frames[IpFamily.IPv4].Count;
        receiver.Until(server, r => r.SnapshotsCompleted[IpFamily.IPv4] > snapshots && r.Frames[IpFamily.IPv4].Skip(frames).Any(f => f.Keyframe));

        Assert.Equal(hash, receiver.Families[IpFamily.IPv4].Hash);
        Assert.Equal(new(5, 300), receiver.Families[IpFamily.IPv4].Counters[0]);
        Assert.Equal("nf_tables", receiver.Hellos[0].Backend);
        stop.Cancel();
        await running;
    }

    [Fact]
    public async Task RunAsync_WrongToken_KeepsRetryingWithoutCrashing()
    {
        var runner = new CannedCommandRunner().Answer("iptables-nft-save", "").Answer("ip6tables-nft-save", "")
            .Answer("iptables-nft-save -c -t nat", "").Answer("iptables-nft-save -c -t filter", "")
            .Answer("ip6tables-nft-save -c -t nat", "").Answer("ip6tables-nft-save -c -t filter", "");
        await using var server = new RecordingHubServer();
        await server.StartAsync();
        var refusals = new SemaphoreSlim(0);
        var log = new AgentLog(TextWriter.Null, TimeProvider.System)
        {
            Written = message => { if (message.StartsWith("cannot reach", StringComparison.Ordinal) && message.Contains("401")) refusals.Release(); },
        };
        using var http = new HttpClient();
        var service = new AgentService(new AgentOptions(server.Address, "wrong", "node-c", TimeSpan.FromMilliseconds(100)), runner, TimeProvider.System, log, http, new Random(3));
        using var stop = new CancellationTokenSource();
        var running = service.RunAsync(stop.Token);

        Assert.True(await refusals.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.True(await refusals.WaitAsync(TimeSpan.FromSeconds(60)));
        stop.Cancel();
        await running;

        Assert.Empty(server.Received);
        Assert.True(service.Backlog.Count > 0);
    }
}
