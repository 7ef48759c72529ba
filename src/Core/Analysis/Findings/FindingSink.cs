namespace NetView.Core.Analysis.Findings;

/// <summary>
/// Collects findings, at most <see cref="MaxPerCode"/> of each code (a broken rule set of 300,000
/// rules must not produce 300,000 findings), and says how many more there were.
/// </summary>
internal sealed class FindingSink
{
    public const int MaxPerCode = 100;

    private readonly List<Finding> _findings = [];
    private readonly Dictionary<string, int> _perCode = new(StringComparer.Ordinal);

    public void Add(Finding finding)
    {
        var count = _perCode.GetValueOrDefault(finding.Code) + 1;
        _perCode[finding.Code] = count;
        if (count <= MaxPerCode)
        {
            _findings.Add(finding);
        }
    }

    /// <summary>Adds what another sink collected (a check run on its own thread), after what this one has.</summary>
    public void Absorb(FindingSink other)
    {
        foreach (var finding in other._findings)
        {
            Add(finding);
        }

        // Add counted the kept ones; the ones the other sink already dropped still count.
        foreach (var (code, count) in other._perCode)
        {
            _perCode[code] += count - Math.Min(count, MaxPerCode);
        }
    }

    /// <summary>Errors first, then warnings, then info; within a severity, in the order found.</summary>
    public IReadOnlyList<Finding> ToList()
    {
        var result = new List<Finding>(_findings.Count + 1);
        foreach (var severity in (ReadOnlySpan<FindingSeverity>)[FindingSeverity.Error, FindingSeverity.Warning, FindingSeverity.Info])
        {
            foreach (var finding in _findings)
            {
                if (finding.Severity == severity)
                {
                    result.Add(finding);
                }
            }
        }

        foreach (var (code, count) in _perCode)
        {
            if (count > MaxPerCode)
            {
                result.Add(new Finding(code, FindingSeverity.Info, code,
                    $"{count - MaxPerCode} more {code} findings not listed (only the first {MaxPerCode} are).", []));
            }
        }

        return result;
    }
}
