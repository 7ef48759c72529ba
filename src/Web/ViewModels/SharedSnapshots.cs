using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using NetView.Core.Iptables;
using NetView.Web.Api;
using NetView.Web.Hosting;
using NetView.Web.Ingestion;
using NetView.Web.Storage;

namespace NetView.Web.ViewModels;

/// <summary>
/// Freezes a live node's rules and counters, or a dump body, into a shared snapshot link (a
/// capability URL: 128 random bits, revocable, optionally expiring) and finds it again for the API
/// and the pages. The last few opened snapshots stay parsed in memory; revoking drops them.
/// </summary>
public sealed class SharedSnapshots
{
    private const int CachedSnapshots = 8;

    private readonly SharedSnapshotStore _store;
    private readonly ClusterState _state;
    private readonly LivePathOptions _live;
    private readonly SharedSnapshotOptions _options;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly LinkedList<SharedSnapshot> _cache = new();

    internal SharedSnapshots(SharedSnapshotStore store, ClusterState state, IOptions<LivePathOptions> live, IOptions<SharedSnapshotOptions> options, TimeProvider time)
    {
        _store = store;
        _state = state;
        _live = live.Value;
        _options = options.Value;
        _time = time;
    }

    /// <summary>The page of a snapshot.</summary>
    public static string Url(string id) => "/s/" + id;

    /// <summary>Freezes the node's current rules of every family with their current counters; null when the node is unknown or sent no rules.</summary>
    public async Task<SharedSnapshot?> FreezeNodeAsync(string node, TimeSpan? expiresIn, CancellationToken cancellationToken = default)
    {
        var sets = _state.RuleSets(node);
        if (sets.Count == 0)
        {
            return null;
        }

        var texts = sets.ToDictionary(s => s.Family, s =>
        {
            var text = RuleText.Decompress(s.RuleSet.Compressed, _live.MaxSnapshotBytes);
            return s.CounterTimestamp is null ? text : Encoding.UTF8.GetBytes(CountedRuleText.Build(text, s.Counters));
        });
        var countersAt = sets.Max(s => s.CounterTimestamp ?? s.ReceivedAt);
        return await SaveAsync(node, fromNode: true, countersAt, expiresIn, texts, cancellationToken);
    }

    /// <summary>Freezes a dump body of any shape the parser accepts; throws <see cref="InvalidDumpException"/> for one it cannot read.</summary>
    public async Task<SharedSnapshot> FreezeDumpAsync(byte[] dump, TimeSpan? expiresIn, CancellationToken cancellationToken = default)
    {
        var rules = IptablesParser.Parse(dump);
        return await SaveAsync(SharedSnapshot.Uploaded, fromNode: false, _time.GetUtcNow(), expiresIn, new Dictionary<IpFamily, byte[]> { [rules.Family] = dump }, cancellationToken);
    }

    /// <summary>The snapshot with this id, or null when it is unknown, revoked or expired.</summary>
    public SharedSnapshot? Resolve(string? id)
    {
        // 16 bytes in base64url without padding: anything else is no snapshot, and costs no query.
        if (id is not { Length: 22 } || !Base64Url.IsValid(id))
        {
            return null;
        }

        var now = _time.GetUtcNow();
        lock (_gate)
        {
            for (var node = _cache.First; node is not null; node = node.Next)
            {
                if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(node.Value.Id), Encoding.ASCII.GetBytes(id)))
                {
                    if (node.Value.ExpiresAt <= now)
                    {
                        _cache.Remove(node);
                        return null;
                    }

                    return node.Value;
                }
            }
        }

        return _store.Find(id, now.ToUnixTimeMilliseconds()) is { } record ? Remember(Load(record)) : null;
    }

    /// <summary>Revokes a link: it answers 404 from now on. False when it was unknown, revoked or expired already.</summary>
    public async Task<bool> RevokeAsync(string id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            for (var node = _cache.First; node is not null; node = node.Next)
            {
                if (node.Value.Id == id)
                {
                    _cache.Remove(node);
                    break;
                }
            }
        }

        return await _store.RevokeAsync(id, _time.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);
    }

    private async Task<SharedSnapshot> SaveAsync(string source, bool fromNode, DateTimeOffset countersAt, TimeSpan? expiresIn, IReadOnlyDictionary<IpFamily, byte[]> texts, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var ipv4 = texts.TryGetValue(IpFamily.IPv4, out var v4) ? RuleText.Compress(v4) : null;
        var ipv6 = texts.TryGetValue(IpFamily.IPv6, out var v6) ? RuleText.Compress(v6) : null;
        var record = new SharedSnapshotRecord
        {
            Id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)),
            CreatedMs = now.ToUnixTimeMilliseconds(),
            ExpiresMs = expiresIn is { } lifetime ? (now + lifetime).ToUnixTimeMilliseconds() : null,
            Source = source,
            FromNode = fromNode,
            CountersMs = countersAt.ToUnixTimeMilliseconds(),
            Ipv4Text = ipv4,
            Ipv6Text = ipv6,
            Bytes = (ipv4?.LongLength ?? 0) + (ipv6?.LongLength ?? 0),
        };
        await _store.AddAsync(record, _options.MaxCount, _options.MaxBytes, cancellationToken);
        return Remember(Load(record));
    }

    private SharedSnapshot Load(SharedSnapshotRecord record)
    {
        var families = new List<RuleSet>();
        foreach (var (family, compressed) in new[] { (IpFamily.IPv4, record.Ipv4Text), (IpFamily.IPv6, record.Ipv6Text) })
        {
            if (compressed is not null)
            {
                var rules = IptablesParser.Parse(RuleText.Decompress(compressed, _live.MaxSnapshotBytes));
                rules.Family = family;
                families.Add(rules);
            }
        }

        return new SharedSnapshot(
            record.Id,
            record.Source,
            record.FromNode,
            DateTimeOffset.FromUnixTimeMilliseconds(record.CreatedMs),
            record.ExpiresMs is { } expires ? DateTimeOffset.FromUnixTimeMilliseconds(expires) : null,
            DateTimeOffset.FromUnixTimeMilliseconds(record.CountersMs ?? record.CreatedMs),
            families);
    }

    private SharedSnapshot Remember(SharedSnapshot snapshot)
    {
        lock (_gate)
        {
            _cache.AddFirst(snapshot);
            while (_cache.Count > CachedSnapshots)
            {
                _cache.RemoveLast();
            }
        }

        return snapshot;
    }
}
