namespace NetView.Core.Iptables.Parsing;

/// <summary>
/// Interns a word that mostly repeats the one before: iptables-save writes the rules of a chain
/// together, so most rules name the chain of the rule before, and a compare beats a lookup.
/// </summary>
internal sealed class RepeatedWord(byte[] source, StringPool pool)
{
    private int _id;
    private int _start;
    private int _length;

    public int Intern(Token word)
    {
        if (word.Length != _length || _id == 0
            || !new ReadOnlySpan<byte>(source, word.Start, word.Length).SequenceEqual(new ReadOnlySpan<byte>(source, _start, _length)))
        {
            _id = pool.Intern(word.Start, word.Length);
            _start = word.Start;
            _length = word.Length;
        }

        return _id;
    }
}
