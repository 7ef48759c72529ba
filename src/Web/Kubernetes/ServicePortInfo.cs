namespace NetView.Web.Kubernetes;

/// <summary>One port of a declared Service.</summary>
public sealed record ServicePortInfo(string? Name, string Protocol, int Port, int? NodePort);
