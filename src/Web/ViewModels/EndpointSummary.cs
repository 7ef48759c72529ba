namespace NetView.Web.ViewModels;

/// <summary>
/// One endpoint of a service port: its KUBE-SEP chain and address, the shares the rules give it
/// (cluster cascade and local cascade), and the connections its DNAT rule counted, summed over nodes.
/// </summary>
public sealed record EndpointSummary(string Address, string Chain, double? Share, double? LocalShare, long? Connections);
