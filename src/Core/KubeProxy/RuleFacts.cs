using System.Globalization;
using NetView.Core.Analysis;
using NetView.Core.Iptables;

namespace NetView.Core.KubeProxy;

/// <summary>The few facts kube-proxy's rules carry, read off the rule model the same way everywhere.</summary>
internal static class RuleFacts
{
    /// <summary>The address of <c>-d</c>/<c>-s</c> without a host prefix (<c>/32</c>, <c>/128</c>); null when absent or negated.</summary>
    public static string? Host(AddressMatch? address)
    {
        if (address is null || address.Negated)
        {
            return null;
        }

        var value = address.Value;
        if (value.EndsWith("/32", StringComparison.Ordinal))
        {
            return value[..^3];
        }

        return value.EndsWith("/128", StringComparison.Ordinal) ? value[..^4] : value;
    }

    public static int? DestinationPort(Rule rule) => Number(rule.Option("--dport")?.Value);

    /// <summary>The value of the target's option (<c>--to-destination</c>, ...), read off the text when the rule is plain.</summary>
    public static string? TargetOption(Rule rule, string option, ReadOnlySpan<byte> optionName) =>
        rule.TryPlainTargetOption(optionName, out var value) ? value : rule.Target.Option(option)?.Value;

    public static int? Number(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>tcp, udp or sctp from <c>-p</c> (or the protocol match module); null when the rule names none.</summary>
    public static string? Protocol(Rule rule)
    {
        if (rule.Protocol is { Negated: false } protocol)
        {
            return protocol.Value.ToLowerInvariant() switch
            {
                "6" => "tcp",
                "17" => "udp",
                "132" => "sctp",
                var name => name,
            };
        }

        // Asked module by module, a rule without these modules answers without being decoded.
        if (rule.MatchOf("tcp") is null && rule.MatchOf("udp") is null && rule.MatchOf("sctp") is null)
        {
            return null;
        }

        foreach (var match in rule.Matches)
        {
            if (match.Module is "tcp" or "udp" or "sctp")
            {
                return match.Module;
            }
        }

        return null;
    }

    /// <summary>True when the rule is kube-proxy's session affinity check, <c>-m recent --rcheck</c>.</summary>
    public static bool IsAffinityCheck(Rule rule, out int? seconds)
    {
        seconds = null;
        var recent = rule.MatchOf("recent");
        if (recent?.Option("--rcheck") is null)
        {
            return false;
        }

        seconds = Number(recent.Option("--seconds")?.Value);
        return true;
    }

    /// <summary>
    /// The probability of the rule's <c>statistic</c> match, or null when it has none (it always
    /// matches). <c>--mode nth --every N</c> matches one in N, the same first-connection share.
    /// </summary>
    public static decimal? Probability(Rule rule)
    {
        // Read off the text when the rule is plain: every KUBE-SVC rule of a big dump asks this.
        if (rule.TryPlainMatchOption("statistic", "--probability"u8, out var hasStatistic, out var printed))
        {
            if (!hasStatistic)
            {
                return null;
            }

            if (printed is not null)
            {
                return ProbabilityCascade.Parse(printed) ?? 0m;
            }

            if (rule.TryPlainMatchOption("statistic", "--every"u8, out _, out var everyText))
            {
                return Number(everyText) is int n and > 0 ? 1m / n : null;
            }
        }

        var statistic = rule.MatchOf("statistic");
        if (statistic is null)
        {
            return null;
        }

        if (statistic.Option("--probability") is { } probability)
        {
            return ProbabilityCascade.Parse(probability.Value) ?? 0m;
        }

        return Number(statistic.Option("--every")?.Value) is int every and > 0 ? 1m / every : null;
    }
}
