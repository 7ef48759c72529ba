using System.Runtime.CompilerServices;

namespace NetView.Core.Iptables.Parsing;

/// <summary>
/// Shares the match arrays of rules whose matches are the same objects (every endpoint rule of a
/// service, every <c>statistic</c> rule with the same probability): kube-proxy dumps repeat a few
/// shapes hundreds of thousands of times, and one array per shape is enough. Bounded.
/// </summary>
internal sealed class MatchListCache
{
    private readonly int _maxEntries;
    private readonly Dictionary<Key, Match[]> _arrays = new();

    public MatchListCache(int maxEntries = 1 << 16)
    {
        _maxEntries = maxEntries;
    }

    public Match[] Get(List<Match> matches)
    {
        if (matches.Count == 0)
        {
            return [];
        }

        if (matches.Count > 3)
        {
            return matches.ToArray();
        }

        var key = new Key(matches[0], matches.Count > 1 ? matches[1] : null, matches.Count > 2 ? matches[2] : null);
        if (_arrays.TryGetValue(key, out var shared))
        {
            return shared;
        }

        var array = matches.ToArray();
        if (_arrays.Count < _maxEntries)
        {
            _arrays.Add(key, array);
        }

        return array;
    }

    private readonly struct Key(Match first, Match? second, Match? third) : IEquatable<Key>
    {
        private readonly Match _first = first;
        private readonly Match? _second = second;
        private readonly Match? _third = third;

        public bool Equals(Key other) =>
            ReferenceEquals(_first, other._first) && ReferenceEquals(_second, other._second) && ReferenceEquals(_third, other._third);

        public override bool Equals(object? obj) => obj is Key other && Equals(other);

        public override int GetHashCode() => HashCode.Combine(
            RuntimeHelpers.GetHashCode(_first),
            _second is null ? 0 : RuntimeHelpers.GetHashCode(_second),
            _third is null ? 0 : RuntimeHelpers.GetHashCode(_third));
    }
}
