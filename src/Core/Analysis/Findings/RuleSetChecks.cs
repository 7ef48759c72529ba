using NetView.Core.Iptables;

namespace NetView.Core.Analysis.Findings;

/// <summary>
/// The checks that read every rule but need no service ports: duplicates, dangling jumps, orphan
/// chains. On a big dump they start before the analyzer walks the service chains, on another
/// thread, so that they take no wall time of their own; the rule set is only read meanwhile.
/// </summary>
internal sealed class RuleSetChecks
{
    private readonly RuleSet _ruleSet;
    private readonly Task<FindingSink>? _running;

    private RuleSetChecks(RuleSet ruleSet, bool parallel)
    {
        _ruleSet = ruleSet;
        _running = parallel ? Task.Run(() => RunAll(ruleSet)) : null;
    }

    /// <summary>True when the checks run on another thread, and the other checks may too.</summary>
    public bool Parallel => _running is not null;

    /// <param name="parallel">Run them on another thread from now on; else they run in <see cref="Finish"/>.</param>
    public static RuleSetChecks Start(RuleSet ruleSet, bool parallel) => new(ruleSet, parallel);

    /// <summary>Their findings, in the order the checks ran one after the other; waits for them when they run elsewhere.</summary>
    public FindingSink Finish() => _running is null ? RunAll(_ruleSet) : _running.GetAwaiter().GetResult();

    private static FindingSink RunAll(RuleSet ruleSet)
    {
        var sink = new FindingSink();
        DuplicateRuleCheck.Run(ruleSet, sink);
        DanglingJumpCheck.Run(ruleSet, sink);
        OrphanChainCheck.Run(ruleSet, sink);
        return sink;
    }
}
