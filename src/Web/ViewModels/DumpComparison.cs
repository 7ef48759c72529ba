using System.Text;
using NetView.Core.Analysis.Diff;
using NetView.Core.Iptables;

namespace NetView.Web.ViewModels;

/// <summary>
/// Two pasted dumps compared by <see cref="RuleSetDiff"/>: what changed in kube-proxy's terms,
/// rule counts, and the rules added, removed and moved. Refuses, naming the side and line, what is
/// not a dump or is over the import size limit.
/// </summary>
public sealed record DumpComparison(RuleSetDifference? Difference, string? Error)
{
    public static DumpComparison Compare(string? oldText, string? newText, int maxBytes)
    {
        if (string.IsNullOrWhiteSpace(oldText) || string.IsNullOrWhiteSpace(newText))
        {
            return new DumpComparison(null, "Paste both the old and the new dump.");
        }

        if (!TryParse("old", oldText, maxBytes, out var oldRules, out var error)
            || !TryParse("new", newText, maxBytes, out var newRules, out error))
        {
            return new DumpComparison(null, error);
        }

        return new DumpComparison(RuleSetDiff.Compare(oldRules, newRules), null);
    }

    /// <summary>Chains whose rule count changed, largest change first.</summary>
    public IReadOnlyList<ChainCount> ChangedChains =>
        Difference?.Chains.Where(c => c.Change != 0).OrderByDescending(c => Math.Abs(c.Change)).ThenBy(c => c.Chain, StringComparer.Ordinal).ToArray() ?? [];

    private static bool TryParse(string side, string text, int maxBytes, out RuleSet rules, out string error)
    {
        rules = default!;
        error = "";
        if (Encoding.UTF8.GetByteCount(text) > maxBytes)
        {
            error = $"The {side} dump is larger than the limit of {maxBytes:N0} bytes.";
            return false;
        }

        try
        {
            rules = IptablesParser.Parse(text);
            return true;
        }
        catch (InvalidDumpException invalid)
        {
            error = $"The {side} dump, line {invalid.Line}: {invalid.Reason}";
            return false;
        }
    }
}
