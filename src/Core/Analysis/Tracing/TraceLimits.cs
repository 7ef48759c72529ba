namespace NetView.Core.Analysis.Tracing;

/// <summary>
/// Bounds on a trace so that a hostile or broken rule set (loops, deep nesting, thousands of
/// uncertain matches) ends the walk instead of hanging it. Reaching a bound is reported, never silent.
/// </summary>
/// <param name="MaxDepth">Nested user-chain calls before a branch is abandoned.</param>
/// <param name="MaxBranches">Live branches before further uncertain matches are assumed not to match.</param>
/// <param name="MaxSteps">Rule evaluations over the whole trace.</param>
public sealed record TraceLimits(int MaxDepth = 64, int MaxBranches = 20_000, long MaxSteps = 5_000_000)
{
    public static readonly TraceLimits Default = new();
}
