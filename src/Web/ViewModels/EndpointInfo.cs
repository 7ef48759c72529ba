namespace NetView.Web.ViewModels;

/// <summary>What the analysis knows about one endpoint of a service port: its KUBE-SEP chain, address and expected shares.</summary>
public sealed record EndpointInfo(string Chain, string Address, double? Share, double? LocalShare);
