namespace NetView.Core.Analysis.Tracing;

/// <summary>
/// An immutable singly linked list: branches of a trace share their common past, so splitting a
/// branch copies nothing.
/// </summary>
internal sealed class Trail<T>
{
    public static readonly Trail<T>? Empty = null;

    private Trail(T head, Trail<T>? tail, int count)
    {
        Head = head;
        Tail = tail;
        Count = count;
    }

    public T Head { get; }
    public Trail<T>? Tail { get; }
    public int Count { get; }

    public static Trail<T> Push(Trail<T>? trail, T item) => new(item, trail, (trail?.Count ?? 0) + 1);

    /// <summary>The items oldest first.</summary>
    public static List<T> ToList(Trail<T>? trail)
    {
        var items = new List<T>(trail?.Count ?? 0);
        for (var node = trail; node is not null; node = node.Tail)
        {
            items.Add(node.Head);
        }

        items.Reverse();
        return items;
    }

    public static bool Contains(Trail<T>? trail, Func<T, bool> predicate)
    {
        for (var node = trail; node is not null; node = node.Tail)
        {
            if (predicate(node.Head))
            {
                return true;
            }
        }

        return false;
    }
}
