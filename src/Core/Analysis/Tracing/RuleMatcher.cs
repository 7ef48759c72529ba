using System.Globalization;
using System.Net;
using NetView.Core.Iptables;

namespace NetView.Core.Analysis.Tracing;

/// <summary>
/// Decides whether a rule matches a branch's packet with netfilter's semantics: all criteria must
/// hold; a criterion the trace cannot know (a rate limit, an ipset, an unknown module) makes the
/// rule match with a probability, and the walk follows both outcomes.
/// </summary>
internal sealed class RuleMatcher(TraceContext context)
{
    public RuleMatch Evaluate(Rule rule, PacketState state)
    {
        var combined = new Combined();
        if (!combined.Add(Address(rule.Source, state.Source, "-s"))
            || !combined.Add(Address(rule.Destination, state.Destination, "-d"))
            || !combined.Add(ProtocolMatches(rule.Protocol, state.Protocol))
            || !combined.Add(Interface(rule.InInterface, state.InInterface))
            || !combined.Add(Interface(rule.OutInterface, state.OutInterface)))
        {
            return RuleMatch.No;
        }

        string? setsList = null;
        foreach (var match in rule.Matches)
        {
            if (match.Module == "recent")
            {
                var recent = Recent(match, state);
                if (recent.Kind is RuleMatchKind.NoMatch or RuleMatchKind.NeedsAffinity)
                {
                    return recent;
                }

                setsList ??= recent.SetsRecentList;
                if (!combined.Add(recent.Kind == RuleMatchKind.Match ? Criterion.True : new Criterion(null, recent.Probability, recent.MatchNote, recent.NoMatchNote)))
                {
                    return RuleMatch.No;
                }

                continue;
            }

            foreach (var criterion in ModuleCriteria.Of(match, state, context))
            {
                if (!combined.Add(criterion))
                {
                    return RuleMatch.No;
                }
            }
        }

        return combined.Result(setsList);
    }

    private RuleMatch Recent(Match match, PacketState state)
    {
        var name = match.Option("--name")?.Value ?? "DEFAULT";
        if (match.Option("--set") is not null)
        {
            return new RuleMatch(RuleMatchKind.Match, SetsRecentList: name);
        }

        var seconds = match.Option("--seconds")?.Value;
        var within = seconds is null ? "" : $" within {seconds} s";
        var negated = match.Options.Any(o => o.Negated);
        RuleMatch result;
        if (state.InRecentList(name))
        {
            result = RuleMatch.Yes;
        }
        else if (state.Affinity == AffinityAssumption.Returning)
        {
            result = state.SeenByList == name ? RuleMatch.Yes : RuleMatch.No;
        }
        else if (state.Affinity == AffinityAssumption.FirstConnection)
        {
            result = RuleMatch.No;
        }
        else
        {
            return new RuleMatch(RuleMatchKind.NeedsAffinity, MatchNote: name + within);
        }

        if (match.Option("--hitcount") is { } hits && result.Kind == RuleMatchKind.Match)
        {
            result = new RuleMatch(RuleMatchKind.Uncertain, 0.5,
                $"recent list {name}: assumed the source reached --hitcount {hits.Value} (weighted 1/2)",
                $"recent list {name}: assumed the source stayed below --hitcount {hits.Value} (weighted 1/2)");
        }

        return negated ? Negate(result) : result;
    }

    private static RuleMatch Negate(RuleMatch result) => result.Kind switch
    {
        RuleMatchKind.Match => RuleMatch.No,
        RuleMatchKind.NoMatch => RuleMatch.Yes,
        RuleMatchKind.Uncertain => result with { Probability = 1 - result.Probability, MatchNote = result.NoMatchNote, NoMatchNote = result.MatchNote },
        _ => result,
    };

    private static Criterion Address(AddressMatch? match, IPAddress address, string option)
    {
        if (match is null)
        {
            return Criterion.True;
        }

        var any = false;
        foreach (var part in match.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!AddressPattern.TryParse(part, out var pattern))
            {
                return Criterion.Unknown($"{option} {match}: '{part}' is not an address (a host name?), so the trace cannot tell");
            }

            any |= pattern!.Contains(address);
        }

        return Criterion.Of(any != match.Negated);
    }

    private static Criterion ProtocolMatches(ValueMatch? match, string protocol)
    {
        if (match is null)
        {
            return Criterion.True;
        }

        var value = match.Value.ToLowerInvariant();
        var number = protocol switch { "tcp" => "6", "udp" => "17", "sctp" => "132", _ => "" };
        var same = value is "all" or "0" || value == protocol || value == number;
        return Criterion.Of(same != match.Negated);
    }

    private static Criterion Interface(ValueMatch? match, string? name)
    {
        if (match is null)
        {
            return Criterion.True;
        }

        var pattern = match.Value;
        var same = name is not null && (pattern.EndsWith('+')
            ? name.StartsWith(pattern[..^1], StringComparison.Ordinal)
            : name == pattern);
        return Criterion.Of(same != match.Negated);
    }

    /// <summary>Folds criteria into one judgement: independent uncertainties multiply.</summary>
    private struct Combined
    {
        private double _probability;
        private bool _uncertain;
        private List<string>? _matchNotes;
        private List<string>? _noMatchNotes;

        public bool Add(Criterion criterion)
        {
            if (criterion.Definite is { } definite)
            {
                return definite;
            }

            _probability = (_uncertain ? _probability : 1) * criterion.Probability;
            _uncertain = true;
            if (criterion.MatchNote is not null)
            {
                (_matchNotes ??= []).Add(criterion.MatchNote);
            }

            if (criterion.NoMatchNote is not null)
            {
                (_noMatchNotes ??= []).Add(criterion.NoMatchNote);
            }

            return true;
        }

        public readonly RuleMatch Result(string? setsList) => !_uncertain
            ? new RuleMatch(RuleMatchKind.Match, SetsRecentList: setsList)
            : new RuleMatch(RuleMatchKind.Uncertain, _probability,
                _matchNotes is null ? null : string.Join("; ", _matchNotes),
                _noMatchNotes is null ? null : _noMatchNotes.Count == 1 ? _noMatchNotes[0] : "not all of: " + string.Join("; ", _noMatchNotes),
                setsList);
    }
}

/// <summary>One criterion of a rule: definitely true or false, or true with a probability.</summary>
internal readonly record struct Criterion(bool? Definite, double Probability = 1, string? MatchNote = null, string? NoMatchNote = null)
{
    public static readonly Criterion True = new(true);
    public static readonly Criterion False = new(false);

    public static Criterion Of(bool value) => value ? True : False;

    /// <summary>A criterion the trace cannot know: both outcomes, weighted evenly, explained.</summary>
    public static Criterion Unknown(string why) =>
        new(null, 0.5, $"assumed to match: {why} (weighted 1/2)", $"assumed not to match: {why} (weighted 1/2)");

    public static Criterion Chance(double probability, string matchNote, string noMatchNote) =>
        probability >= 1 ? True : probability <= 0 ? False : new(null, probability, matchNote, noMatchNote);

    public Criterion Negated(bool negate) => !negate ? this
        : Definite is { } d ? Of(!d)
        : new(null, 1 - Probability, NoMatchNote, MatchNote);

    public static string Format(double value) => value.ToString("0.###########", CultureInfo.InvariantCulture);
}
