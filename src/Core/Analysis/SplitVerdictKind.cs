namespace NetView.Core.Analysis;

/// <summary>What the counters say about a service port's split across its endpoints.</summary>
public enum SplitVerdictKind
{
    /// <summary>The observed split is within what chance gives for the intended shares.</summary>
    WithinChance,
    /// <summary>The observed split is skewed beyond what chance gives.</summary>
    SkewedBeyondChance,
    /// <summary>Too few connections were counted to tell chance from skew.</summary>
    TooFewSamples,
}
