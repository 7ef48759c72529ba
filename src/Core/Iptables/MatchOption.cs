namespace NetView.Core.Iptables;

/// <summary>One option of a match module, e.g. <c>--dport 53</c> or <c>! --ctstate RELATED,ESTABLISHED</c>.</summary>
/// <param name="Name">The option with its dashes, e.g. <c>--probability</c>.</param>
/// <param name="Value">The value with quoting removed; null for flags such as <c>--rcheck</c>. Several values are kept space-separated.</param>
/// <param name="Negated">True when the option was preceded by <c>!</c>.</param>
public sealed record MatchOption(string Name, string? Value, bool Negated = false);
