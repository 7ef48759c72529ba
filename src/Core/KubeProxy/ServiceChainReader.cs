using NetView.Core.Analysis.Findings;
using NetView.Core.Analysis;
using NetView.Core.Iptables;

namespace NetView.Core.KubeProxy;

/// <summary>
/// Reads one per-service chain: the endpoint cascade of KUBE-SVC/KUBE-SVL/KUBE-XLB, the policy
/// rules of KUBE-EXT, the source ranges of KUBE-FW, and the DNAT of a KUBE-SEP chain.
/// </summary>
internal static class ServiceChainReader
{
    public static void Read(Chain chain, KubeChainKind kind, ServicePortBuilder builder, ServicePortRegistry registry)
    {
        builder.Reserve(chain.Rules.Count);
        switch (kind)
        {
            case KubeChainKind.Svc or KubeChainKind.Svl or KubeChainKind.Xlb:
                ReadCascade(chain, kind, builder, registry);
                break;
            case KubeChainKind.Ext:
                ReadExternal(chain, builder, registry);
                break;
            case KubeChainKind.Fw:
                ReadFirewall(chain, builder);
                break;
        }
    }

    private static void ReadCascade(Chain chain, KubeChainKind kind, ServicePortBuilder builder, ServicePortRegistry registry)
    {
        var probabilities = registry.ScratchProbabilities;
        var endpoints = registry.ScratchEndpoints;
        var steps = registry.ScratchCascadeSteps;
        var stepProbabilities = registry.ScratchCascadeProbabilities;
        probabilities.Clear();
        endpoints.Clear();
        steps.Clear();
        stepProbabilities.Clear();
        if (builder.Endpoints.Count == 0)
        {
            // The first cascade read names (nearly) every endpoint, one per rule at most.
            builder.Endpoints.Capacity = chain.Rules.Count;
        }

        for (var r = 0; r < chain.Rules.Count; r++)
        {
            var rule = chain.Rules[r];
            builder.Add(rule);
            var target = rule.TargetName;
            var targetKind = KubeChains.KindOf(target);
            int? seconds = null;
            var affinity = targetKind == KubeChainKind.Sep && RuleFacts.IsAffinityCheck(rule, out seconds);

            // A step as ProbabilityMismatchCheck.IsCascadeStep tells, from what is already known of the rule.
            decimal? probability = null;
            var isStep = targetKind == KubeChainKind.Sep && !affinity;
            if (isStep)
            {
                // Judged now, while the rule is decoded, so that the check need not read it again.
                probability = RuleFacts.Probability(rule);
                steps.Add(rule);
                stepProbabilities.Add(probability);
            }

            registry.TryComment(rule.Comment, out var comment);
            if (target == KubeChains.MarkMasq)
            {
                if (comment.Kind == CommentKind.ClusterIP && comment.Name is not null)
                {
                    builder.ClusterIP ??= RuleFacts.Host(rule.Destination);
                    builder.ClusterPort ??= RuleFacts.DestinationPort(rule);
                    builder.InternalLocal |= kind == KubeChainKind.Svl;
                    if (rule.Source is { Negated: true } source)
                    {
                        registry.CountCidr(source.Value);
                    }
                }

                continue;
            }

            if (comment.Kind == CommentKind.NoLocalEndpoints)
            {
                builder.NoLocalEndpoints = true;
                continue;
            }

            if (targetKind == KubeChainKind.Svc)
            {
                // KUBE-XLB sends pods ("Redirect pods trying to reach external loadbalancer VIP") and
                // the node itself ("route LOCAL traffic") to the cluster chain.
                if (rule.Source is { Negated: false } pods && rule.Comment?.StartsWith("Redirect pods", StringComparison.Ordinal) == true)
                {
                    registry.CountCidr(pods.Value);
                }

                continue;
            }

            if (targetKind != KubeChainKind.Sep)
            {
                continue;
            }

            var endpoint = builder.Endpoint(target);
            endpoint.CountJump(rule);
            if (comment.Kind == CommentKind.Endpoint)
            {
                endpoint.CommentAddress ??= comment.Address;
            }

            if (affinity)
            {
                builder.AffinitySeconds ??= seconds;
                continue;
            }

            probabilities.Add(isStep ? probability : RuleFacts.Probability(rule));
            endpoints.Add(endpoint);
        }

        registry.Cascades.Judge(chain.Name, steps, stepProbabilities);

        var shares = ProbabilityCascade.Evaluate(probabilities).Shares;
        for (var i = 0; i < endpoints.Count; i++)
        {
            var endpoint = endpoints[i];
            if (kind == KubeChainKind.Svc)
            {
                endpoint.InCluster(i, shares[i]);
            }
            else
            {
                endpoint.InLocal(i, shares[i]);
            }
        }
    }

    private static void ReadExternal(Chain chain, ServicePortBuilder builder, ServicePortRegistry registry)
    {
        for (var r = 0; r < chain.Rules.Count; r++)
        {
            var rule = chain.Rules[r];
            builder.Add(rule);
            registry.TryComment(rule.Comment, out var comment);
            switch (comment.Kind)
            {
                case CommentKind.PodExternal when comment.Name is not null:
                    builder.ExternalLocal = true;
                    if (rule.Source is { Negated: false } pods)
                    {
                        registry.CountCidr(pods.Value);
                    }

                    break;
                case CommentKind.MasqueradeLocal or CommentKind.RouteLocal when comment.Name is not null:
                    builder.ExternalLocal = true;
                    break;
            }

            if (KubeChains.KindOf(rule.TargetName) == KubeChainKind.Svl)
            {
                builder.ExternalLocal = true;
            }
        }
    }

    private static void ReadFirewall(Chain chain, ServicePortBuilder builder)
    {
        for (var r = 0; r < chain.Rules.Count; r++)
        {
            var rule = chain.Rules[r];
            builder.Add(rule);
            var targetKind = KubeChains.KindOf(rule.TargetName);
            if (targetKind is KubeChainKind.None or KubeChainKind.Sep || rule.Source is not { Negated: false } source)
            {
                continue;
            }

            // kube-proxy also lets the load-balancer IP itself in ("allowFromNode"), which is no
            // source range the user asked for.
            var host = RuleFacts.Host(source);
            if (host is not null && builder.LoadBalancerIPs.Contains(host))
            {
                continue;
            }

            ServicePortBuilder.AddOnce(builder.SourceRanges, source.Value);
            builder.ExternalLocal |= targetKind == KubeChainKind.Xlb;
        }
    }

    /// <summary>Reads a KUBE-SEP chain: the DNAT target and its counters, and the affinity <c>--set</c>.</summary>
    public static void ReadEndpoint(Chain chain, EndpointBuilder endpoint, ServicePortBuilder builder)
    {
        for (var r = 0; r < chain.Rules.Count; r++)
        {
            var rule = chain.Rules[r];
            builder.Add(rule);
            if (rule.TargetName == "DNAT" && endpoint.Dnat is null)
            {
                endpoint.Dnat = rule;
                endpoint.DnatAddress = RuleFacts.TargetOption(rule, "--to-destination", "--to-destination"u8);
            }
        }
    }
}
