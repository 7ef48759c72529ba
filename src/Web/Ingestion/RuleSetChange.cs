using NetView.Core.Iptables;

namespace NetView.Web.Ingestion;

/// <summary>
/// A node's rule set of one family changed (a kube-proxy sync that rewrote rules): from which hash
/// to which, and how many rule lines appeared and disappeared (compared as text, order ignored).
/// </summary>
/// <param name="OldHash">Null for the node's first rule set of this family.</param>
public sealed record RuleSetChange(
    string Node, IpFamily Family, string? OldHash, string NewHash, int OldRules, int NewRules, int Added, int Removed, DateTimeOffset Timestamp);
