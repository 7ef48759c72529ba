namespace NetView.Core.Analysis.Json;

/// <summary>A service port's chains; null where kube-proxy made none. <c>xlb</c> is the local chain before 1.24.</summary>
public sealed record ChainsDocument(string? Svc, string? Svl, string? Ext, string? Fw, string? Xlb);
