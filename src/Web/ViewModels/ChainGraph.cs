namespace NetView.Web.ViewModels;

/// <summary>One table of one node drawn as chains collapsed by family: what the node page's graph shows.</summary>
public sealed record ChainGraph(string Table, IReadOnlyList<ChainGroup> Groups, IReadOnlyList<ChainGroupEdge> Edges);

/// <summary>
/// A box of the node graph: a single chain, or every chain of a hashed kube-proxy family.
/// <see cref="Chains"/> lists the member chain names (untrusted text from the node).
/// </summary>
public sealed record ChainGroup(string Id, string Label, ChainFamily Family, IReadOnlyList<string> Chains, int Rules, int Column, int Row);

/// <summary>Jumps from one group to another, as many as <see cref="Rules"/> rules make.</summary>
public sealed record ChainGroupEdge(string From, string To, int Rules);
