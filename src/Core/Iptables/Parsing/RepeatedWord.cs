namespace NetView.Core.Iptables.Parsing;

/// <summary>
/// Interns a word that mostly repeats the one before: iptables-save writes the rules of a chain
/// together, so most rules name the chain of the rule before, and a compare beats a lookup. When
/// the chain changes, it is most often the next one declared (iptables-save writes the rules in
/// the order it declared the chains, skipping empty ones), whose word comes next in the pool:
/// a compare or two again, where a lookup in a pool of 100,000 chain names misses the cache.
/// </summary>
internal sealed class RepeatedWord(byte[] source, StringPool pool)
{
    private int _id;
    private int _start;
    private int _length;

    private const int Lookahead = 4;

    public int Intern(Token word)
    {
        var span = new ReadOnlySpan<byte>(source, word.Start, word.Length);
        if (word.Length == _length && _id != 0 && span.SequenceEqual(new ReadOnlySpan<byte>(source, _start, _length)))
        {
            return _id;
        }

        var id = 0;
        for (var next = _id + 1; _id != 0 && next <= _id + Lookahead && next <= pool.Count; next++)
        {
            if (pool.Holds(next, span))
            {
                id = next;
                break;
            }
        }

        _id = id != 0 ? id : pool.Intern(word.Start, word.Length);
        _start = word.Start;
        _length = word.Length;
        return _id;
    }
}
