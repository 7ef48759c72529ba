namespace NetView.Core.Analysis;

/// <summary>
/// What the rules say about a service port that can make its observed split differ from the
/// <c>statistic</c> shares without anything being wrong.
/// </summary>
/// <param name="AffinitySeconds">ClientIP session affinity timeout (<c>-m recent --seconds</c>); null without affinity.</param>
/// <param name="LocalTrafficPolicy">True when external (or internal) traffic policy is Local, so some traffic only reaches this node's endpoints.</param>
public readonly record struct SplitConditions(long? AffinitySeconds = null, bool LocalTrafficPolicy = false);
