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
        _source = source;
        _position = start;
        _end = end;
    }

    public readonly int Position => _position;

    public bool Next(out Token token)
    {
        var source = _source;
        var i = _position;
        var end = _end;
        while (i < end && (source[i] == (byte)' ' || source[i] == (byte)'\t'))
        {
            i++;
        }

        if (i >= end)
        {
            _position = end;
            token = default;
            return false;
        }

        var start = i;
        if (source[i] == (byte)'"')
        {
            // The common case: a word that is one quoted string, as iptables-save writes comments.
            var j = i + 1;
            while (j < end && source[j] != (byte)'"' && source[j] != (byte)'\\')
            {
                j++;
            }

            if (j < end && source[j] == (byte)'"' && (j + 1 == end || source[j + 1] == (byte)' ' || source[j + 1] == (byte)'\t'))
            {
                _position = j + 1;
                token = new Token(i + 1, j - i - 1, TokenFlags.Quoted);
                return true;
            }
        }
        else
        {
            while (i < end && source[i] != (byte)' ' && source[i] != (byte)'\t' && source[i] != (byte)'"')
            {
                i++;
            }

            if (i >= end || source[i] != (byte)'"')
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
