namespace NetView.Core.Analysis.Diff;

/// <summary>
/// A change told in kube-proxy's terms rather than rule text: "endpoint 10.244.1.5:8080 added to
/// default/web:http", "nodePort 30080 removed from default/web:http".
/// </summary>
/// <param name="Subject">The service port ("ns/svc:port") the change concerns.</param>
/// <param name="Kind">A short stable word: "servicePortAdded", "servicePortRemoved", "endpointAdded", "endpointRemoved", "shareChanged", "nodePortAdded", "nodePortRemoved", "clusterIPChanged", "policyChanged", "affinityChanged", "endpointsLost", "endpointsRestored".</param>
public sealed record MeaningChange(string Subject, string Kind, string Message);
