using System.Text;

namespace NetView.Agent.Cli;

/// <summary>
/// Makes untrusted text from a node safe for a terminal: control characters (escape sequences
/// could recolour, move the cursor or retitle the window) become <c>\xNN</c>.
/// </summary>
internal static class TerminalText
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var unsafeAt = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (IsUnsafe(text[i]))
            {
                unsafeAt = i;
                break;
            }
        }

        if (unsafeAt < 0)
        {
            return text;
        }

        var clean = new StringBuilder(text.Length + 8).Append(text, 0, unsafeAt);
        for (var i = unsafeAt; i < text.Length; i++)
        {
            var c = text[i];
            if (IsUnsafe(c))
            {
                clean.Append("\\x").Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }

    private static bool IsUnsafe(char c) => c < ' ' || c is >= '\x7f' and <= '\x9f' || c is '\u202e' or '\u2066' or '\u2067' or '\u2068' or '\u2069';
}
