using NetView.Web.Kubernetes;

namespace NetView.Web.ViewModels;

/// <summary>
/// One endpoint in the expected-versus-observed split: the share its rules give, what the counters
/// saw, and the pod behind it when the Kubernetes API says.
/// </summary>
public sealed record SplitRow(string Address, double Expected, long Observed, double? ObservedShare)
{
    public PodEndpoint? Pod { get; init; }
}
