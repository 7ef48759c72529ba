namespace NetView.Core.Iptables.Parsing;

/// <summary>One row of an <c>iptables -L</c> listing, split into its columns; the trailing text is in <see cref="Extra"/>.</summary>
internal sealed record ListingRow(string Target, string Protocol, string In, string Out, string Source, string Destination,
    string Extra, Counters? Counters);

/// <summary>
/// Which columns a listing has, from its header (<c>num pkts bytes target prot opt in out source destination</c>,
/// fewer without <c>-v</c> or <c>--line-numbers</c>), and how to split a row into them.
/// </summary>
internal sealed record ListingColumns(bool Numbers, bool Counters, bool Interfaces)
{
    public static ListingColumns? TryParseHeader(string line)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 4 || words[^2] != "source" || words[^1] != "destination" || Array.IndexOf(words, "target") < 0)
        {
            return null;
        }

        return new ListingColumns(words[0] == "num", Array.IndexOf(words, "pkts") >= 0, Array.IndexOf(words, "in") >= 0);
    }

    /// <summary>Columns for a row seen without a header: leading numbers are counters (and a rule number).</summary>
    public static ListingColumns? Guess(string row)
    {
        var words = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var numbers = 0;
        while (numbers < words.Length && numbers < 3 && CounterText.TryParseListing(System.Text.Encoding.ASCII.GetBytes(words[numbers]), out _, out _))
        {
            numbers++;
        }

        return numbers switch
        {
            3 => new ListingColumns(true, true, true),
            2 => new ListingColumns(false, true, true),
            1 => new ListingColumns(true, false, false),
            _ => words.Length >= 4 ? new ListingColumns(false, false, false) : null,
        };
    }

    public bool TryRead(string line, out ListingRow row)
    {
        row = null!;
        var fields = new List<(int Start, int End)>();
        for (var i = 0; i < line.Length;)
        {
            while (i < line.Length && line[i] == ' ')
            {
                i++;
            }

            var start = i;
            while (i < line.Length && line[i] != ' ')
            {
                i++;
            }

            if (i > start)
            {
                fields.Add((start, i));
            }
        }

        string Field(int index) => line[fields[index].Start..fields[index].End];
        var next = 0;
        if (Numbers)
        {
            if (fields.Count == 0 || !int.TryParse(Field(0), out _))
            {
                return false;
            }

            next++;
        }

        Counters? counters = null;
        if (Counters)
        {
            if (fields.Count < next + 2
                || !CounterText.TryParseListing(System.Text.Encoding.ASCII.GetBytes(Field(next)), out var packets, out var approximatePackets)
                || !CounterText.TryParseListing(System.Text.Encoding.ASCII.GetBytes(Field(next + 1)), out var bytes, out var approximateBytes))
            {
                return false;
            }

            counters = new Counters(packets, bytes, approximatePackets || approximateBytes);
            next += 2;
        }

        // The target column is empty for rules without a target, and ip6tables prints no opt column.
        string target;
        string protocol;
        if (fields.Count > next + 2 && IsOpt(Field(next + 2)))
        {
            target = Field(next);
            protocol = Field(next + 1);
            next += 3;
        }
        else if (fields.Count > next + 1 && IsOpt(Field(next + 1)))
        {
            target = "";
            protocol = Field(next);
            next += 2;
        }
        else if (fields.Count > next + 1)
        {
            target = Field(next);
            protocol = Field(next + 1);
            next += 2;
        }
        else
        {
            return false;
        }

        var needed = next + (Interfaces ? 4 : 2);
        if (fields.Count < needed)
        {
            return false;
        }

        var inInterface = Interfaces ? Field(next++) : "*";
        var outInterface = Interfaces ? Field(next++) : "*";
        var source = Field(next++);
        var destination = Field(next);
        var extra = line[fields[next].End..].Trim();
        row = new ListingRow(target, protocol, inInterface, outInterface, source, destination, extra, counters);
        return true;
    }

    private static bool IsOpt(string field) => field is "--" or "-f" or "!f";
}
