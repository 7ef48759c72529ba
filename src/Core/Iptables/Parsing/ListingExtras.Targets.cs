using System.Globalization;
using System.Text;

namespace NetView.Core.Iptables.Parsing;

internal sealed partial class ListingExtras
{
    /// <summary>
    /// <c>MARK or 0x4000</c>, <c>MARK set 0x1</c>, <c>MARK xset 0x4000/0x4000</c>, <c>MARK xor 0x1</c>,
    /// <c>MARK and 0xffffbfff</c>: the MARK target prints the shape of its value/mask pair, while
    /// iptables-save always writes <c>--set-xmark value/mask</c>.
    /// </summary>
    private void MarkTarget()
    {
        var operation = Take();
        var value = Take();
        var xmark = operation switch
        {
            "or" => $"{value}/{value}",
            "set" => $"{value}/0xffffffff",
            "xset" => value,
            "xor" => $"{value}/0x0",
            "and" when TryHex(value, out var kept) => $"0x0/0x{~kept:x}",
            _ => null,
        };
        if (xmark is null)
        {
            Problems.Add((DiagnosticSeverity.Warning, $"MARK {operation} {value} has no known save form"));
            return;
        }

        TargetOptions.Add("--set-xmark " + xmark);
    }

    private static bool TryHex(string value, out uint number) =>
        uint.TryParse(value.StartsWith("0x", StringComparison.Ordinal) ? value.AsSpan(2) : value, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out number);

    /// <summary>
    /// <c>recent: CHECK seconds: 10800 reap name: KUBE-SEP-X side: source mask: 255.255.255.255</c>,
    /// written back in iptables-save's order (mode, seconds, reap, hitcount, rttl, name, mask, side).
    /// </summary>
    private void Recent()
    {
        var not = Not();
        string? mode = null, seconds = null, hitCount = null, name = null, side = null, mask = null;
        bool reap = false, ttl = false;
        var more = true;
        while (more && PeekWord() is { } word)
        {
            switch (word)
            {
                case "CHECK": mode = "--rcheck"; break;
                case "SET": mode = "--set"; break;
                case "UPDATE": mode = "--update"; break;
                case "REMOVE": mode = "--remove"; break;
                case "reap": reap = true; break;
                case "TTL-Match": ttl = true; break;
                case "seconds:": NextWord(out _, out _); seconds = PeekWord(); break;
                case "hit_count:": NextWord(out _, out _); hitCount = PeekWord(); break;
                case "name:": NextWord(out _, out _); name = PeekWord(); break;
                case "side:": NextWord(out _, out _); side = PeekWord(); break;
                case "mask:": NextWord(out _, out _); mask = PeekWord(); break;
                default: more = false; continue;
            }

            NextWord(out _, out _);
        }

        var part = new StringBuilder("-m recent ").Append(not).Append(mode ?? "--rcheck");
        Append(part, "--seconds", seconds);
        if (reap)
        {
            part.Append(" --reap");
        }

        Append(part, "--hitcount", hitCount);
        if (ttl)
        {
            part.Append(" --rttl");
        }

        Append(part, "--name", name is null ? null : Quote(name));
        Append(part, "--mask", mask);
        part.Append(side == "dest" ? " --rdest" : " --rsource");
        Matches.Add(part.ToString());
    }

    private static void Append(StringBuilder part, string option, string? value)
    {
        if (value is not null)
        {
            part.Append(' ').Append(option).Append(' ').Append(value);
        }
    }

    private static string? ConntrackOption(string word) => word switch
    {
        "ctstate" or "ctstatus" or "ctproto" or "ctorigsrc" or "ctorigdst" or "ctreplsrc" or "ctrepldst"
            or "ctorigsrcport" or "ctorigdstport" or "ctreplsrcport" or "ctrepldstport" or "ctexpire" => "--" + word,
        "ctdir" => "--ctdir",
        _ => null,
    };

    /// <summary><c>ctstate RELATED,ESTABLISHED</c>, <c>! ctstate NEW</c>; neighbouring ct* words share one match.</summary>
    private void Conntrack(string option)
    {
        var part = new StringBuilder("-m conntrack ").Append(Not()).Append(option).Append(' ').Append(Take());
        while (PeekWord() is { } next && (next == "!" ? PeekSecond() : next) is { } word && ConntrackOption(word) is { } more)
        {
            NextWord(out _, out _);
            if (next == "!")
            {
                NextWord(out _, out _);
                part.Append(" !");
            }

            part.Append(' ').Append(more).Append(' ').Append(Take());
        }

        Matches.Add(part.ToString());
    }

    private string? PeekSecond()
    {
        var saved = _position;
        NextWord(out _, out _);
        var second = PeekWord();
        _position = saved;
        return second;
    }

    /// <summary><c>limit: avg 3/min burst 5</c>; iptables-save leaves out the default burst of 5.</summary>
    private void Limit()
    {
        var part = new StringBuilder("-m limit");
        if (TakeIf("avg"))
        {
            part.Append(" --limit ").Append(Take());
        }

        if (TakeIf("burst"))
        {
            var burst = Take();
            if (burst != "5")
            {
                part.Append(" --limit-burst ").Append(burst);
            }
        }

        Matches.Add(part.ToString());
    }

    /// <summary><c>LOG flags 0 level 4 prefix "x"</c> (with -n) or <c>LOG level warning prefix "x"</c>.</summary>
    private void Log()
    {
        var flags = 0;
        var level = "4";
        string? prefix = null;
        var more = true;
        while (more && PeekWord() is { } word)
        {
            switch (word)
            {
                case "flags": NextWord(out _, out _); int.TryParse(Take(), CultureInfo.InvariantCulture, out flags); continue;
                case "level": NextWord(out _, out _); level = LogLevel(Take()); continue;
                case "prefix": NextWord(out _, out _); prefix = Take(); continue;
                case "tcp-sequence": flags |= 1; break;
                case "tcp-options": flags |= 2; break;
                case "ip-options": flags |= 4; break;
                case "uid": flags |= 8; break;
                case "macdecode": flags |= 0x20; break;
                default: more = false; continue;
            }

            NextWord(out _, out _);
        }

        if (prefix is not null)
        {
            TargetOptions.Add("--log-prefix " + Quote(prefix));
        }

        if (level != "4")
        {
            TargetOptions.Add("--log-level " + level);
        }

        string[] flagOptions = ["--log-tcp-sequence", "--log-tcp-options", "--log-ip-options", "--log-uid", "", "--log-macdecode"];
        for (var bit = 0; bit < flagOptions.Length; bit++)
        {
            if ((flags & (1 << bit)) != 0 && flagOptions[bit].Length > 0)
            {
                TargetOptions.Add(flagOptions[bit]);
            }
        }
    }

    private static string LogLevel(string level) => level switch
    {
        "emerg" => "0",
        "alert" => "1",
        "crit" => "2",
        "err" or "error" => "3",
        "warning" or "warn" => "4",
        "notice" => "5",
        "info" => "6",
        "debug" => "7",
        _ => level,
    };
}
