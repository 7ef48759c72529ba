using System.Text;
using NetView.Core.Iptables.Parsing;

namespace NetView.Core.Iptables;

/// <summary>
/// Reads what iptables prints into a <see cref="RuleSet"/>: <c>iptables-save</c> with or without
/// <c>-c</c>, <c>ip6tables-save</c>, <c>iptables -S [-v]</c>, <c>iptables -L [-n] [-v]</c> listings
/// and <c>iptables-save | grep</c> excerpts, as pasted by people (prompts, elisions, CRLF).
/// The shape is detected line by line. What cannot be understood becomes a
/// <see cref="Diagnostic"/> with its line number; only input that is not iptables output at all
/// throws <see cref="InvalidDumpException"/>.
/// </summary>
public static class IptablesParser
{
    public static RuleSet Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = Encoding.UTF8.GetBytes(text);
        return Parse(bytes, bytes.Length);
    }

    public static RuleSet Parse(ReadOnlySpan<byte> utf8) => Parse(utf8.ToArray(), utf8.Length);

    public static RuleSet ParseFile(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return Parse(bytes, bytes.Length);
    }

    /// <summary>
    /// Parses the first <paramref name="length"/> bytes of <paramref name="utf8"/> without copying
    /// them: the rule set keeps the array (rule text is decoded from it on demand), so the caller
    /// must not change it afterwards. For big dumps read into a buffer (stdin, a network body).
    /// </summary>
    public static RuleSet Parse(byte[] utf8, int length)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, utf8.Length);
        CheckNotEmptyOrBinary(utf8, length);
        return new DumpReader(utf8, length).Read();
    }

    private static void CheckNotEmptyOrBinary(byte[] utf8, int length)
    {
        var span = new ReadOnlySpan<byte>(utf8, 0, length);
        if (span.IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            throw new InvalidDumpException(0, "the input is empty");
        }

        // Text never holds NUL bytes; a dump that does in its first kilobytes is a binary file.
        var head = span[..Math.Min(span.Length, 4096)];
        var nul = head.IndexOf((byte)0);
        if (nul >= 0)
        {
            var line = 1 + head[..nul].Count((byte)'\n');
            throw new InvalidDumpException(line, "binary data (a NUL byte), not iptables output");
        }
    }
}
