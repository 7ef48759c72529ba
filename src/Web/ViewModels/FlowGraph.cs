using NetView.Core.Iptables;
using NetView.Web.Kubernetes;

namespace NetView.Web.ViewModels;

/// <summary>One service port's path through nat (and filter, for "has no endpoints"), summed over the chosen nodes.</summary>
public sealed record FlowGraph(IReadOnlyList<FlowNode> Nodes, IReadOnlyList<FlowEdge> Edges)
{
    public static readonly FlowGraph Empty = new([], []);

    public FlowNode? Node(string id) => Nodes.FirstOrDefault(n => n.Id == id);
}

/// <summary>
/// A box of the flow graph. <see cref="Title"/> and <see cref="Detail"/> come from node rules
/// (addresses, chain names): untrusted text, rendered escaped. <see cref="Share"/> is the expected
/// fraction of the cluster chain's traffic for an endpoint; <see cref="Connections"/> sums the nat
/// counters of the rules that lead into the box; <see cref="Masquerade"/> marks where KUBE-MARK-MASQ is jumped to.
/// <see cref="Pod"/> is what the Kubernetes API says is behind an endpoint box, when it knows (also untrusted text).
/// </summary>
public sealed record FlowNode(
    string Id,
    FlowNodeKind Kind,
    string Title,
    string? Detail,
    double? Share,
    double? LocalShare,
    bool Masquerade,
    long? Connections,
    double? Rate,
    int Column,
    int Row,
    IReadOnlyList<FlowRule> Rules)
{
    public PodEndpoint? Pod { get; init; }
}

/// <summary>A rule shown when a box is clicked, with the node it comes from.</summary>
public sealed record FlowRule(string Node, Rule Rule, Counters? Counters);

/// <summary>Rules jumping from one box to the next; weighted by their summed counters and current rate.</summary>
public sealed record FlowEdge(string From, string To, int RuleCount, long? Connections, double? Rate);
