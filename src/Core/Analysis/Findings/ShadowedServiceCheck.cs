using NetView.Core.Analysis.Tracing;
using NetView.Core.Iptables;
using NetView.Core.KubeProxy;

namespace NetView.Core.Analysis.Findings;

/// <summary>
/// Rules outside kube-proxy's chains that decide service traffic before kube-proxy does: a FORWARD
/// or INPUT REJECT, a DROP behind a rate limit, a DNAT of its own, an ACCEPT that skips kube-proxy's
/// filter chains. Decided by tracing packets to each service port, so only rules that really meet
/// service traffic are reported, one finding per rule with the service ports it hits.
/// </summary>
public static class ShadowedServiceCheck
{
    private const int MaxNamed = 5;

    internal static void Run(IReadOnlyList<ServicePort> servicePorts, ServicePortProbe probe, FindingSink sink)
    {
        var byRule = new Dictionary<string, (Evidence Evidence, string What, FindingSeverity Severity, Dictionary<string, double> Hits)>(StringComparer.Ordinal);
        foreach (var port in servicePorts.Where(p => p.HasEndpoints).Take(ServicePortProbe.MaxServicePorts))
        {
            foreach (var (entry, result) in probe.All(port))
            {
                foreach (var outcome in result.Outcomes)
                {
                    if (Culprit(outcome, probe.RuleSet) is not { } culprit)
                    {
                        continue;
                    }

                    if (!byRule.TryGetValue(culprit.Evidence.Rule, out var found))
                    {
                        byRule[culprit.Evidence.Rule] = found = (culprit.Evidence, culprit.What, culprit.Severity, new(StringComparer.Ordinal));
                    }

                    var hit = $"{port.Name} {entry}";
                    found.Hits[hit] = found.Hits.GetValueOrDefault(hit) + outcome.Probability;
                }
            }
        }

        foreach (var (rule, (evidence, what, severity, hits)) in byRule)
        {
            var named = string.Join("; ", hits.Take(MaxNamed).Select(h => $"{h.Key} ({Percent(h.Value)} of connections)"))
                + (hits.Count > MaxNamed ? $"; and {hits.Count - MaxNamed} more" : "");
            sink.Add(new Finding(FindingCodes.ShadowedService, severity, rule,
                $"{rule}, outside kube-proxy's chains, {what} service traffic before kube-proxy decides: {named}.",
                [evidence],
                "Move the rule after kube-proxy's jumps, or narrow it (-d/-s) so that it does not match service and pod traffic; then trace again with netview-agent trace."));
        }
    }

    internal readonly record struct Shadow(Evidence Evidence, string What, FindingSeverity Severity);

    /// <summary>The rule outside kube-proxy's chains that decided this outcome, if one did.</summary>
    internal static Shadow? Culprit(TraceOutcome outcome, RuleSet ruleSet)
    {
        var rules = outcome.Rules;
        if (outcome.Verdict is Verdicts.Drop or Verdicts.Reject)
        {
            if (rules.Count > 0 && rules[^1].TargetName is "DROP" or "REJECT" && !ServicePortProbe.IsKubeProxyRule(rules[^1]))
            {
                var limit = outcome.Explanations.FirstOrDefault(e => e.Contains("assumed over the limit", StringComparison.Ordinal));
                var what = (rules[^1].TargetName == "DROP" ? "drops" : "rejects") + (limit is null ? "" : $" (when over a rate limit: {limit})");
                return new Shadow(Evidence.Of(rules[^1]), what, FindingSeverity.Error);
            }

            return null;
        }

        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (ServicePortProbe.IsKubeProxyRule(rule))
            {
                continue;
            }

            if (rule.TargetName is "DNAT" or "REDIRECT")
            {
                return new Shadow(Evidence.Of(rule), "rewrites the destination of", FindingSeverity.Error);
            }

            if (rule.TargetName == "ACCEPT" && rule.Table == "nat" && outcome.Verdict != Verdicts.Dnat)
            {
                return new Shadow(Evidence.Of(rule), "accepts in nat (so kube-proxy's DNAT never happens for)", FindingSeverity.Error);
            }

            if (rule.TargetName == "ACCEPT" && rule.Table == "filter" && SkipsKubeProxy(rules, i, ruleSet))
            {
                return new Shadow(Evidence.Of(rule), "accepts (skipping kube-proxy's filter chains, which come after it)", FindingSeverity.Warning);
            }
        }

        return null;
    }

    // An ACCEPT ends the hook: does the built-in chain it was reached from jump into KUBE-* later?
    private static bool SkipsKubeProxy(IReadOnlyList<Rule> path, int accept, RuleSet ruleSet)
    {
        for (var i = accept; i >= 0; i--)
        {
            var rule = path[i];
            if (rule.Table == path[accept].Table && rule.Chain is "INPUT" or "FORWARD" or "OUTPUT")
            {
                var chain = ruleSet.Table(rule.Table)?.Chain(rule.Chain);
                return chain is not null && chain.Rules.Skip(rule.Number).Any(r => r.TargetName.StartsWith("KUBE-", StringComparison.Ordinal));
            }
        }

        return false;
    }

    private static string Percent(double probability) => (probability * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
