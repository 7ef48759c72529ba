namespace NetView.Web.ViewModels;

/// <summary>
/// What the flow graph needs to know about a service port before it walks the rules: kube-proxy's
/// name for it (as in rule comments), its own chains (KUBE-SVC/SVL/EXT/FW/XLB), and its endpoints.
/// </summary>
public sealed record ServiceFlowSpec(string Name, IReadOnlyCollection<string> Chains, IReadOnlyList<EndpointInfo> Endpoints);
