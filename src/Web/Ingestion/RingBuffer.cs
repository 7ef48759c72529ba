namespace NetView.Web.Ingestion;

/// <summary>
/// A fixed-capacity FIFO that drops its oldest item when full, so every history is bounded no
/// matter how long a node streams. Its array grows to the capacity as items come: a big cluster
/// has tens of thousands of histories, most holding a few points, and reserving every one's full
/// capacity up front cost ~130 KB per new endpoint and the ingestion's time in the allocator.
/// Not thread-safe: owners lock around it.
/// </summary>
internal sealed class RingBuffer<T>
{
    private const int InitialSize = 4;
    private T[] _items;
    private int _start;

    public RingBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _items = new T[Math.Min(capacity, InitialSize)];
    }

    public int Count { get; private set; }

    public int Capacity { get; }

    public T this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return _items[(_start + index) % _items.Length];
        }
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            _items[(_start + index) % _items.Length] = value;
        }
    }

    /// <summary>Appends an item; returns true and the dropped item when the buffer was full.</summary>
    public bool Add(T item, out T dropped)
    {
        if (Count == _items.Length && Count < Capacity)
        {
            var grown = new T[Math.Min(Capacity, _items.Length * 2)];
            for (var i = 0; i < Count; i++)
            {
                grown[i] = _items[(_start + i) % _items.Length];
            }

            (_items, _start) = (grown, 0);
        }

        if (Count == _items.Length)
        {
            dropped = _items[_start];
            _items[_start] = item;
            _start = (_start + 1) % _items.Length;
            return true;
        }

        _items[(_start + Count) % _items.Length] = item;
        Count++;
        dropped = default!;
        return false;
    }

    public T RemoveFirst()
    {
        if (Count == 0)
        {
            throw new InvalidOperationException("The buffer is empty.");
        }

        var item = _items[_start];
        _items[_start] = default!;
        _start = (_start + 1) % _items.Length;
        Count--;
        return item;
    }

    public void Clear()
    {
        Array.Clear(_items);
        _start = 0;
        Count = 0;
    }
}
