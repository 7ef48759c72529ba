using System.Text;

namespace NetView.Core.Iptables.Parsing;

/// <summary>
/// Translates the free text at the end of an <c>iptables -L</c> row (what each match and
/// target extension prints, e.g. <c>/* c */ tcp dpt:53 statistic mode random probability 0.5</c>)
/// back into the options iptables-save would write for it. Words it cannot translate end the
/// translation with a diagnostic; nothing is guessed.
/// </summary>
internal sealed partial class ListingExtras
{
    private readonly string _text;
    private readonly string _target;
    private int _position;
    private bool _negate;

    /// <summary>Match parts in order, each starting with <c>-m</c>.</summary>
    public readonly List<string> Matches = [];

    /// <summary>Target options, e.g. <c>--to-destination 10.244.0.25:53</c>.</summary>
    public readonly List<string> TargetOptions = [];

    public readonly List<(DiagnosticSeverity Severity, string Message)> Problems = [];

    /// <summary>True when the row said <c>[goto]</c>: the rule continues with <c>-g</c>, not <c>-j</c>.</summary>
    public bool Goto { get; private set; }

    public ListingExtras(string text, string target)
    {
        _text = text;
        _target = target;
    }

    public void Translate()
    {
        while (NextWord(out var word, out var isComment))
        {
            if (isComment)
            {
                Matches.Add("-m comment --comment " + Quote(word));
                continue;
            }

            if (word == "!")
            {
                _negate = true;
                continue;
            }

            if (!TranslateWord(word))
            {
                var rest = _text[Math.Max(0, _position - word.Length)..].Trim();
                Problems.Add((DiagnosticSeverity.Warning, $"listing text '{Shorten(rest)}' has no known save form; left out of the rule"));
                return;
            }
        }
    }

    private bool TranslateWord(string word)
    {
        switch (word)
        {
            case "tcp" or "udp" or "sctp" or "udplite" or "dccp":
                Ports(word);
                return true;
            case "multiport":
                Multiport();
                return true;
            case "statistic":
                Statistic();
                return true;
            case "ADDRTYPE":
                AddressType();
                return true;
            case "mark":
                MarkMatch();
                return true;
            case "MARK":
                MarkTarget();
                return true;
            case "recent:":
                Recent();
                return true;
            case "state":
                Matches.Add("-m state " + Not() + "--state " + Take());
                return true;
            case "reject-with":
                TargetOptions.Add("--reject-with " + Take());
                return true;
            case "random-fully" or "random" or "persistent":
                TargetOptions.Add("--" + word);
                return true;
            case "masq" or "redir":
                TakeIf("ports:");
                TakeIf("ports");
                TargetOptions.Add("--to-ports " + Take());
                return true;
            case "match-set":
                Matches.Add("-m set " + Not() + "--match-set " + Quote(Take()) + " " + Take());
                return true;
            case "limit:":
                Limit();
                return true;
            case "LOG":
                Log();
                return true;
            case "[goto]":
                Goto = true;
                return true;
            case "[unsupported":
                TakeIf("revision]");
                Problems.Add((DiagnosticSeverity.Warning, "iptables could not print a match or target of this rule ([unsupported revision]); the rule is incomplete"));
                return true;
        }

        if (word.StartsWith("ct", StringComparison.Ordinal) && ConntrackOption(word) is { } option)
        {
            Conntrack(option);
            return true;
        }

        if (word.StartsWith("to:", StringComparison.Ordinal))
        {
            TargetOptions.Add((_target == "SNAT" ? "--to-source " : "--to-destination ") + word[3..]);
            return true;
        }

        return false;
    }

    private string Not()
    {
        var not = _negate ? "! " : "";
        _negate = false;
        return not;
    }

    private bool NextWord(out string word, out bool isComment)
    {
        isComment = false;
        while (_position < _text.Length && _text[_position] == ' ')
        {
            _position++;
        }

        if (_position >= _text.Length)
        {
            word = "";
            return false;
        }

        if (string.CompareOrdinal(_text, _position, "/* ", 0, 3) == 0)
        {
            var close = _text.IndexOf(" */", _position + 3, StringComparison.Ordinal);
            var end = close < 0 ? _text.Length : close;
            word = _text[(_position + 3)..end];
            _position = close < 0 ? _text.Length : close + 3;
            isComment = true;
            return true;
        }

        var start = _position;
        if (_text[_position] == '"')
        {
            var close = _text.IndexOf('"', _position + 1);
            _position = close < 0 ? _text.Length : close + 1;
            word = _text[(start + 1)..(close < 0 ? _text.Length : close)];
            return true;
        }

        while (_position < _text.Length && _text[_position] != ' ')
        {
            _position++;
        }

        word = _text[start.._position];
        return true;
    }

    private string? PeekWord()
    {
        var saved = _position;
        var found = NextWord(out var word, out var isComment);
        _position = saved;
        return found && !isComment ? word : null;
    }

    private string Take()
    {
        if (NextWord(out var word, out _))
        {
            return word;
        }

        Problems.Add((DiagnosticSeverity.Warning, "listing text ends where a value was expected"));
        return "";
    }

    private bool TakeIf(string expected)
    {
        if (PeekWord() == expected)
        {
            NextWord(out _, out _);
            return true;
        }

        return false;
    }

    /// <summary>Quotes a value the way iptables-save does (<c>xtables_save_string</c>).</summary>
    public static string Quote(string value)
    {
        if (value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return value;
        }

        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\' or '\'')
            {
                quoted.Append('\\');
            }

            quoted.Append(c);
        }

        return quoted.Append('"').ToString();
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
