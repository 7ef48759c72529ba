using System.Net;
using System.Text;

namespace NetView.Core.Iptables.Parsing;

/// <summary>Writes the save form (<c>-A CHAIN -s ... -j TARGET ...</c>) of one <c>iptables -L</c> row.</summary>
internal static class ListingRowTranslator
{
    public static string ToSaveForm(string chain, ListingRow row, List<(DiagnosticSeverity Severity, string Message)> problems)
    {
        var text = new StringBuilder("-A ").Append(chain);
        Address(text, "-s", row.Source, problems);
        Address(text, "-d", row.Destination, problems);
        Value(text, "-i", row.In, "*");
        Value(text, "-o", row.Out, "*");
        Value(text, "-p", row.Protocol, "all");
        var extras = new ListingExtras(row.Extra, row.Target);
        extras.Translate();
        problems.AddRange(extras.Problems);
        foreach (var match in extras.Matches)
        {
            text.Append(' ').Append(match);
        }

        if (row.Target.Length > 0)
        {
            text.Append(extras.Goto ? " -g " : " -j ").Append(row.Target);
            foreach (var option in extras.TargetOptions)
            {
                text.Append(' ').Append(option);
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// A source or destination column: <c>0.0.0.0/0</c>, <c>::/0</c> and <c>anywhere</c> match
    /// everything; <c>!</c> is glued to the value; a host prints without <c>/32</c>. Without
    /// <c>-n</c> a host may print as a name, whose address cannot be known from the listing.
    /// </summary>
    private static void Address(StringBuilder text, string option, string value, List<(DiagnosticSeverity, string)> problems)
    {
        var negated = value.StartsWith('!');
        if (negated)
        {
            value = value[1..];
        }

        if (value is "0.0.0.0/0" or "::/0" or "anywhere" or "anywhere/0")
        {
            return;
        }

        var slash = value.IndexOf('/');
        var host = slash < 0 ? value : value[..slash];
        if (IPAddress.TryParse(host, out var address))
        {
            if (slash < 0)
            {
                value += address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "/128" : "/32";
            }
        }
        else
        {
            problems.Add((DiagnosticSeverity.Warning,
                $"'{host}' is a host or network name (listed without -n); its address cannot be known from the listing and is kept as a name"));
        }

        text.Append(negated ? " ! " : " ").Append(option).Append(' ').Append(value);
    }

    private static void Value(StringBuilder text, string option, string value, string any)
    {
        var negated = value.StartsWith('!');
        if (negated)
        {
            value = value[1..];
        }

        if (value == any || value.Length == 0 || (option == "-p" && value == "0"))
        {
            return;
        }

        text.Append(negated ? " ! " : " ").Append(option).Append(' ').Append(value);
    }
}
