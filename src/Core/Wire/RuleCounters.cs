using NetView.Core.Iptables;

namespace NetView.Core.Wire;

/// <summary>
/// The counters of every rule slot of one rule set, packets and bytes interleaved in one array
/// so that comparing two ticks skips unchanged runs with a vectorised prefix search. Reused
/// from tick to tick: <see cref="Reset"/> keeps the storage.
/// </summary>
public sealed class RuleCounters
{
    private long[] _values;

    public RuleCounters(int capacity = 0)
    {
        _values = new long[Math.Max(capacity, 0) * 2];
    }

    /// <summary>Number of rule slots.</summary>
    public int Count { get; private set; }

    public Counters this[int slot] => new(_values[slot * 2], _values[(slot * 2) + 1]);

    /// <summary>Packets and bytes, slot by slot, as one span of 2 × <see cref="Count"/> values.</summary>
    internal Span<long> Values => _values.AsSpan(0, Count * 2);

    /// <summary>Forgets every slot, keeping the storage.</summary>
    public void Reset() => Count = 0;

    /// <summary>Appends a slot.</summary>
    public void Add(long packets, long bytes)
    {
        if ((Count * 2) + 2 > _values.Length)
        {
            Array.Resize(ref _values, Math.Max(64, _values.Length * 2));
        }

        _values[Count * 2] = packets;
        _values[(Count * 2) + 1] = bytes;
        Count++;
    }

    /// <summary>Sets <paramref name="count"/> slots, all zero.</summary>
    public void Zero(int count)
    {
        Reset();
        if (count * 2 > _values.Length)
        {
            _values = new long[count * 2];
        }

        Count = count;
        Values.Clear();
    }

    public void Set(int slot, long packets, long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)slot, (uint)Count, nameof(slot));
        _values[slot * 2] = packets;
        _values[(slot * 2) + 1] = bytes;
    }

    /// <summary>Makes this a copy of <paramref name="other"/>.</summary>
    public void CopyFrom(RuleCounters other)
    {
        Zero(other.Count);
        other.Values.CopyTo(Values);
    }
}
