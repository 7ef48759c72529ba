namespace NetView.Core.Analysis.Tracing;

/// <summary>How a rule's matches judge a branch.</summary>
internal enum RuleMatchKind
{
    NoMatch,
    Match,
    /// <summary>Matches with <see cref="RuleMatch.Probability"/>: the trace follows both outcomes.</summary>
    Uncertain,
    /// <summary>A <c>recent --rcheck</c> needs the branch to decide whether this client was seen before.</summary>
    NeedsAffinity,
}

/// <summary>The judgement of one rule's matches, with the notes explaining an uncertain one.</summary>
internal readonly record struct RuleMatch(
    RuleMatchKind Kind,
    double Probability = 1,
    string? MatchNote = null,
    string? NoMatchNote = null,
    string? SetsRecentList = null)
{
    public static readonly RuleMatch Yes = new(RuleMatchKind.Match);
    public static readonly RuleMatch No = new(RuleMatchKind.NoMatch, 0);
}
