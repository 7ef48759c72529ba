namespace NetView.Core.Iptables.Parsing;

/// <summary>What people paste around iptables output: shell prompts and elisions.</summary>
internal static class PasteText
{
    /// <summary><c>...</c>, <c>[...]</c>, <c>…</c>, <c>(...)</c>, alone on a line.</summary>
    public static bool IsElision(ReadOnlySpan<byte> line)
    {
        line = line.Trim((byte)' ');
        return line.SequenceEqual("..."u8) || line.SequenceEqual("[...]"u8) || line.SequenceEqual("(...)"u8)
            || line.SequenceEqual("\u2026"u8) || line.SequenceEqual("[\u2026]"u8) || line.SequenceEqual("# ..."u8)
            || (line.Length >= 3 && line.IndexOfAnyExcept((byte)'.') < 0);
    }

    /// <summary>
    /// <c>$ sudo iptables-save</c>, <c>root@host:~# iptables-save</c>, <c>[root@host ~]# ...</c>,
    /// <c>host% ...</c>, <c>&gt; ...</c>: a prompt word ending in <c>$ # % &gt;</c>, then a command.
    /// </summary>
    public static bool IsShellPrompt(ReadOnlySpan<byte> line)
    {
        if (line.Length >= 2 && line[0] is (byte)'$' or (byte)'>' or (byte)'%' && line[1] == (byte)' ')
        {
            return true;
        }

        int end;
        if (line[0] == (byte)'[')
        {
            end = line.IndexOf((byte)']');
            if (end < 0)
            {
                return false;
            }

            end++;
        }
        else
        {
            end = line.IndexOf((byte)' ');
            if (end < 0)
            {
                return false;
            }

            end--;
            if (end < 1)
            {
                return false;
            }

            var word = line[..end];
            if (word.IndexOfAny((byte)'@', (byte)':', (byte)'~') < 0)
            {
                return false;
            }
        }

        return end < line.Length && line[end] is (byte)'$' or (byte)'#' or (byte)'%' or (byte)'>'
            && (end + 1 == line.Length || line[end + 1] == (byte)' ');
    }
}
