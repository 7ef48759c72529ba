namespace NetView.Core.Iptables;

/// <summary>
/// A match module loaded with <c>-m NAME</c> (or implicitly by <c>-p tcp</c>) and its options.
/// Unknown modules and options are kept verbatim, never rejected.
/// </summary>
public sealed record Match(string Module, IReadOnlyList<MatchOption> Options)
{
    /// <summary>The first option with this name (e.g. <c>--dport</c>), or null.</summary>
    public MatchOption? Option(string name)
    {
        // Indexed: foreach over an IReadOnlyList boxes an enumerator, and these run for every rule.
        for (var i = 0; i < Options.Count; i++)
        {
            var option = Options[i];
            if (option.Name == name)
            {
                return option;
            }
        }

        return null;
    }
}
