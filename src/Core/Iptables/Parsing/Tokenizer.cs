using System.Text;

namespace NetView.Core.Iptables.Parsing;

/// <summary>
/// Splits a rule line into words exactly as iptables-restore does (<c>add_param_to_argv</c>):
/// blanks separate words, a double quote opens a quoted part in which a backslash escapes the
/// next character, and the closing quote ends the word. Outside quotes a backslash is literal.
/// </summary>
internal ref struct Tokenizer
{
    private readonly ReadOnlySpan<byte> _source;
    private int _position;
    private readonly int _end;

    public Tokenizer(ReadOnlySpan<byte> source, int start, int end)
    {
        // The span ends with the line, so that "within the line" and "within the span" are one check.
        _source = source[..end];
        _position = start;
        _end = end;
    }

    public readonly int Position => _position;

    public bool Next(out Token token)
    {
        var source = _source;
        var i = _position;
        while ((uint)i < (uint)source.Length && source[i] is (byte)' ' or (byte)'\t')
        {
            i++;
        }

        if ((uint)i >= (uint)source.Length)
        {
            _position = source.Length;
            token = default;
            return false;
        }

        var start = i;
        if (source[i] == (byte)'"')
        {
            // The common case: a word that is one quoted string, as iptables-save writes comments.
            var stop = source[(i + 1)..].IndexOfAny((byte)'"', (byte)'\\');
            var j = stop < 0 ? source.Length : i + 1 + stop;
            if (j < source.Length && source[j] == (byte)'"' && (j + 1 == source.Length || source[j + 1] is (byte)' ' or (byte)'\t'))
            {
                _position = j + 1;
                token = new Token(i + 1, j - i - 1, TokenFlags.Quoted);
                return true;
            }
        }
        else
        {
            // Searched a vector at a time: the rest of the line is usually longer than the word.
            var stop = source[i..].IndexOfAny((byte)' ', (byte)'\t', (byte)'"');
            i = stop < 0 ? source.Length : i + stop;
            if (i >= source.Length || source[i] != (byte)'"')
            {
                _position = i;
                token = new Token(start, i - start, TokenFlags.None);
                return true;
            }
        }

        return NextComplex(start, out token);
    }

    private bool NextComplex(int start, out Token token)
    {
        var source = _source;
        var i = start;
        var quoted = false;
        var flags = TokenFlags.Escaped;
        while (i < _end)
        {
            var c = source[i];
            if (quoted)
            {
                if (c == (byte)'\\' && i + 1 < _end)
                {
                    i += 2;
                    continue;
                }

                i++;
                if (c == (byte)'"')
                {
                    // iptables-restore ends the word at the closing quote.
                    quoted = false;
                    break;
                }
            }
            else if (c == (byte)'"')
            {
                quoted = true;
                flags |= TokenFlags.Quoted;
                i++;
            }
            else if (c == (byte)' ' || c == (byte)'\t')
            {
                break;
            }
            else
            {
                i++;
            }
        }

        if (quoted)
        {
            flags |= TokenFlags.Unterminated;
        }

        _position = i;
        token = new Token(start, i - start, flags);
        return true;
    }

    /// <summary>The value of a word that needs unescaping: quotes removed, backslash escapes resolved inside quotes.</summary>
    public static string Unescape(ReadOnlySpan<byte> raw)
    {
        var bytes = new byte[raw.Length];
        var length = 0;
        var quoted = false;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == (byte)'"')
            {
                quoted = !quoted;
            }
            else if (quoted && c == (byte)'\\' && i + 1 < raw.Length)
            {
                bytes[length++] = raw[++i];
            }
            else
            {
                bytes[length++] = c;
            }
        }

        return Encoding.UTF8.GetString(bytes, 0, length);
    }
}
