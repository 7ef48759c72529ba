using System.Globalization;
using System.Text;
using NetView.Core.Iptables;

namespace NetView.Web.ViewModels;

/// <summary>
/// Turns pasted or uploaded text into an import: checks the size limit first (a clear message, not
/// a crash), parses any shape the parser accepts, and keeps the result in the <see cref="ImportStore"/>.
/// </summary>
public sealed class DumpImporter(ImportStore store)
{
    public int MaxBytes => store.Options.MaxBytes;

    public string Limit => FormatBytes(MaxBytes);

    public ImportOutcome Import(string name, string text)
    {
        var bytes = Encoding.UTF8.GetByteCount(text);
        return bytes > MaxBytes ? TooBig(bytes) : Parse(name, () => IptablesParser.Parse(text));
    }

    public ImportOutcome Import(string name, byte[] utf8) =>
        utf8.Length > MaxBytes ? TooBig(utf8.Length) : Parse(name, () => IptablesParser.Parse(utf8));

    public ImportOutcome TooBig(long bytes) =>
        ImportOutcome.Refused($"The dump is {FormatBytes(bytes)}; the limit is {Limit} (NetView:Import:MaxBytes). Import one table or one node at a time.");

    private ImportOutcome Parse(string name, Func<RuleSet> parse)
    {
        try
        {
            return new ImportOutcome(store.Add(name, parse()), null, null);
        }
        catch (InvalidDumpException invalid)
        {
            return ImportOutcome.Refused(invalid.Reason, invalid.Line);
        }
    }

    private static string FormatBytes(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
        : (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB";
}
