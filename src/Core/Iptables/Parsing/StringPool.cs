using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace NetView.Core.Iptables.Parsing;

/// <summary>
/// Interns strings straight from slices of the UTF-8 input, so that the chain names, option
/// names and values a kube-proxy dump repeats hundreds of thousands of times exist once. Each
/// entry also carries two cache slots for objects built from that string (a chain, an option,
/// a match), which lets the parser share immutable model objects without a second lookup.
/// </summary>
internal sealed class StringPool
{
    private readonly byte[] _source;
    private Entry[] _entries;
    private int[] _buckets;
    private int _count;
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);

    /// <param name="source">The input the pool interns slices of.</param>
    /// <param name="length">How much of it is input.</param>
    /// <param name="expectedWords">How many distinct words to make room for at once; by default one per 128 bytes, as a kube-proxy dump has.</param>
    public StringPool(byte[] source, int length, int expectedWords = 0)
    {
        _source = source;
        var words = Math.Max(256, expectedWords > 0 ? expectedWords : length / 128) + WellKnownWords.All.Length + 1;
        // Buckets come in powers of two (a mask picks one); entries only as many as words are expected,
        // which for 105,000 chains is 6 MB of entries instead of 12 MB rounded up.
        _entries = new Entry[words];
        _buckets = new int[(int)Math.Min(1 << 24, BitOperations.RoundUpToPowerOf2((uint)words))];
        _count = 1; // id 0 means "no entry"
        var seedStart = 0;
        foreach (var word in WellKnownWords.All)
        {
            var span = new ReadOnlySpan<byte>(WellKnownWords.Bytes, seedStart, word.Length);
            Add(-seedStart - 1, word.Length, Hash(span), Hash(span) & (_buckets.Length - 1), word);
            seedStart += word.Length;
        }
    }

    private struct Entry
    {
        public int Start;
        public int Length;
        public int Hash;
        public int Next;
        public string Value;
        public object? First;
        public object? Second;
    }

    /// <summary>The id of the string held by <c>source[start..start+length]</c>, added when new.</summary>
    public int Intern(int start, int length)
    {
        var span = new ReadOnlySpan<byte>(_source, start, length);
        var hash = Hash(span);
        var id = Find(span, hash);
        return id != 0 ? id : Add(start, length, hash, hash & (_buckets.Length - 1), Decode(span));
    }

    /// <summary>
    /// The id of the string held by <c>source[start..start+length]</c>, or 0 when the pool does not
    /// have it. Only reads, so several threads may look up at once while nothing is added.
    /// </summary>
    public int Find(int start, int length)
    {
        var span = new ReadOnlySpan<byte>(_source, start, length);
        return Find(span, Hash(span));
    }

    private int Find(ReadOnlySpan<byte> span, int hash)
    {
        for (var id = _buckets[hash & (_buckets.Length - 1)]; id != 0; id = _entries[id].Next)
        {
            if (_entries[id].Hash == hash && Holds(id, span))
            {
                return id;
            }
        }

        return 0;
    }

    /// <summary>True when word <paramref name="id"/> is spelled <paramref name="word"/>.</summary>
    public bool Holds(int id, ReadOnlySpan<byte> word)
    {
        ref var entry = ref _entries[id];
        return entry.Length == word.Length && word.SequenceEqual(entry.Start >= 0
            ? new ReadOnlySpan<byte>(_source, entry.Start, entry.Length)
            : new ReadOnlySpan<byte>(WellKnownWords.Bytes, -entry.Start - 1, entry.Length));
    }

    /// <summary>A string that is not a slice of the input (an unescaped quoted value), interned by content.</summary>
    public string InternText(string text)
    {
        if (!_texts.TryGetValue(text, out var interned))
        {
            _texts.Add(text, text);
            interned = text;
        }

        return interned;
    }

    public string this[int id] => _entries[id].Value;

    public ref object? First(int id) => ref _entries[id].First;

    public ref object? Second(int id) => ref _entries[id].Second;

    public int Count => _count - 1;

    /// <summary>A point to go back to with <see cref="Forget"/>.</summary>
    public int Mark => _count;

    /// <summary>
    /// Forgets the words added since <paramref name="mark"/>, newest first, so that each bucket's
    /// head is the entry it had then (an entry is always added at the head of its bucket).
    /// </summary>
    public void Forget(int mark)
    {
        for (var id = _count - 1; id >= mark; id--)
        {
            ref var entry = ref _entries[id];
            _buckets[entry.Hash & (_buckets.Length - 1)] = entry.Next;
            entry = default;
        }

        _count = Math.Min(_count, mark);
    }

    private int Add(int start, int length, int hash, int bucket, string value)
    {
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }

        var id = _count++;
        ref var entry = ref _entries[id];
        entry.Start = start;
        entry.Length = length;
        entry.Hash = hash;
        entry.Value = value;
        entry.Next = _buckets[bucket];
        _buckets[bucket] = id;
        if (_count > _buckets.Length)
        {
            Rehash();
        }

        return id;
    }

    private void Rehash()
    {
        var buckets = new int[_buckets.Length * 2];
        for (var id = 1; id < _count; id++)
        {
            ref var entry = ref _entries[id];
            var bucket = entry.Hash & (buckets.Length - 1);
            entry.Next = buckets[bucket];
            buckets[bucket] = id;
        }

        _buckets = buckets;
    }

    private static string Decode(ReadOnlySpan<byte> span)
    {
        // Nearly every token is ASCII; widening is cheaper than a UTF-8 decode.
        if (System.Text.Ascii.IsValid(span))
        {
            return string.Create(span.Length, span, static (chars, bytes) =>
                System.Text.Ascii.ToUtf16(bytes, chars, out _));
        }

        return Encoding.UTF8.GetString(span);
    }

    private static int Hash(ReadOnlySpan<byte> span)
    {
        var hash = (ulong)span.Length * 0x9E3779B97F4A7C15UL;
        while (span.Length >= 8)
        {
            hash = BitOperations.RotateLeft((hash ^ BinaryPrimitives.ReadUInt64LittleEndian(span)) * 0xFF51AFD7ED558CCDUL, 29);
            span = span[8..];
        }

        ulong tail = 0;
        for (var i = 0; i < span.Length; i++)
        {
            tail |= (ulong)span[i] << (8 * i);
        }

        hash = (hash ^ tail) * 0xC4CEB9FE1A85EC53UL;
        hash ^= hash >> 32;
        return (int)hash & int.MaxValue;
    }
}
