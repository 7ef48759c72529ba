using NetView.Core.KubeProxy;

namespace NetView.Core.Analysis.Findings;

/// <summary>
/// An endpoint whose cascade comment (<c>ns/svc:port -&gt; ip:port</c>) names another address than
/// its chain's DNAT: the comment and the rule were not written together, so one of them is stale.
/// </summary>
public static class EndpointCommentMismatchCheck
{
    internal static void Run(IReadOnlyList<ServicePort> servicePorts, FindingSink sink)
    {
        foreach (var port in servicePorts)
        {
            for (var e = 0; e < port.Endpoints.Count; e++)
            {
                var endpoint = port.Endpoints[e];
                if (endpoint.CommentAddress is null || endpoint.CommentAddress == endpoint.Address)
                {
                    continue;
                }

                var evidence = new List<Evidence>();
                foreach (var rule in port.Rules)
                {
                    if (rule.Chain == endpoint.Chain || rule.TargetName == endpoint.Chain)
                    {
                        evidence.Add(Evidence.Of(rule));
                    }
                }

                sink.Add(new Finding(FindingCodes.EndpointCommentMismatch, FindingSeverity.Warning, port.Name,
                    $"{endpoint.Chain} of {port.Name} DNATs to {endpoint.Address}, but the rules jumping to it say {endpoint.CommentAddress}.",
                    evidence,
                    "Look for rules edited by hand or by another program; kube-proxy writes both from the same endpoint."));
            }
        }
    }
}
