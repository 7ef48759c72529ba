using NetView.Core.Iptables;

namespace NetView.Core.Analysis.Tracing;

/// <summary>A branch that has ended, with its verdict ("DNAT", "DROP", … or null while delivered without one yet).</summary>
internal sealed record FinishedBranch(PacketState State, string Verdict);

/// <summary>
/// Walks every branch of a packet through the hooks, depth first, with an explicit call stack per
/// branch so that jumps, gotos and returns, splits and bounds are plain data, never recursion.
/// </summary>
internal sealed class TraceWalk
{
    private readonly RuleSet _rules;
    private readonly TraceContext _context;
    private readonly TraceLimits _limits;
    private readonly RuleMatcher _matcher;
    private readonly TargetEffects _targets;
    private readonly Stack<PacketState> _work = new();
    private readonly List<FinishedBranch> _finished = [];
    private long _steps;

    public TraceWalk(RuleSet rules, TraceContext context, TraceLimits limits)
    {
        _rules = rules;
        _context = context;
        _limits = limits;
        _matcher = new RuleMatcher(context);
        _targets = new TargetEffects(context);
    }

    public bool BranchLimitReached { get; private set; }
    public bool StepLimitReached { get; private set; }

    public IReadOnlyList<FinishedBranch> Run(PacketState initial)
    {
        _work.Push(initial);
        while (_work.TryPop(out var state))
        {
            if (PastStepLimit())
            {
                StopAtStepLimit(state);
                continue;
            }

            Step(state);
        }

        return _finished;
    }

    private void Step(PacketState state)
    {
        if (state.Frames is null)
        {
            EnterHook(state);
            return;
        }

        // Rules that do not match are passed here, each still counted as a step: a state per rule
        // would be 17,600 copies of the packet to cross a big KUBE-SERVICES. A rule's match does
        // not depend on where the walk is, so the state moves only when something happens.
        var frame = state.Frames.Head;
        var rules = frame.Chain.Rules;
        var index = frame.Index;
        RuleMatch match;
        while (true)
        {
            if (index >= rules.Count)
            {
                EndOfChain(state, frame.Chain);
                return;
            }

            match = _matcher.Evaluate(rules[index], state);
            if (match.Kind != RuleMatchKind.NoMatch)
            {
                break;
            }

            if (PastStepLimit())
            {
                StopAtStepLimit(At(state, index + 1));
                return;
            }

            index++;
        }

        var rule = rules[index];
        var next = At(state, index + 1);
        switch (match.Kind)
        {
            case RuleMatchKind.Match:
                Apply(rule, next, match);
                break;
            case RuleMatchKind.Uncertain when _work.Count + _finished.Count >= _limits.MaxBranches:
                BranchLimitReached = true;
                _work.Push(next.Note($"{rule.Reference} assumed not to match: the trace reached its limit of {_limits.MaxBranches} branches"));
                break;
            case RuleMatchKind.Uncertain:
                _work.Push(WithNote(next.Weighted(1 - match.Probability), match.NoMatchNote));
                Apply(rule, WithNote(next.Weighted(match.Probability), match.MatchNote), match);
                break;
            case RuleMatchKind.NeedsAffinity:
                SplitOnAffinity(At(state, index), rule, match.MatchNote!);
                break;
        }
    }

    private bool PastStepLimit() => ++_steps > _limits.MaxSteps;

    private void StopAtStepLimit(PacketState state)
    {
        StepLimitReached = true;
        Finish(state.Note($"the trace stopped after {_limits.MaxSteps} rule evaluations"), Verdicts.Incomplete);
    }

    /// <summary>The state with its current chain's next rule at <paramref name="index"/>.</summary>
    private static PacketState At(PacketState state, int index) =>
        state.Frames!.Head.Index == index ? state : state with { Frames = Trail<Frame>.Push(state.Frames.Tail, state.Frames.Head with { Index = index }) };

    private static PacketState WithNote(PacketState state, string? note) => note is null ? state : state.Note(note);

    // The branch is re-queued at the same rule, now with an assumption the recent match can use.
    private void SplitOnAffinity(PacketState state, Rule rule, string list)
    {
        var shares = _context.AffinityShares;
        if (shares is null || shares.Count == 0)
        {
            _context.SawAffinity = true;
            _work.Push(state with { Affinity = AffinityAssumption.FirstConnection });
            return;
        }

        var total = shares.Values.Sum();
        _work.Push(state.Weighted(0.5).Note(
            $"Session affinity ({rule.Reference}, recent {list}): traced as this client's first connection (weight 1/2) and as a later one (weight 1/2); both reach each endpoint with the same share.")
            with { Affinity = AffinityAssumption.FirstConnection });
        foreach (var (name, share) in shares)
        {
            _work.Push(state.Weighted(0.5 * share / total).Note(
                $"Session affinity: this client was seen before by {name} (its first connection went there), so recent --rcheck sends it back to the same endpoint.")
                with { Affinity = AffinityAssumption.Returning, SeenByList = name });
        }
    }

    private void EnterHook(PacketState state)
    {
        if (state.HookIndex >= state.Hooks.Count)
        {
            Finish(state, Verdicts.Delivered);
            return;
        }

        var step = state.Hooks[state.HookIndex];
        if (step.IsRouting)
        {
            _work.Push(Route(state) with { HookIndex = state.HookIndex + 1 });
            return;
        }

        var chain = _rules.Table(step.Table)?.Chain(step.Chain);
        if (chain is null || (state.Untracked && step.Table == "nat"))
        {
            _work.Push(state with { HookIndex = state.HookIndex + 1 });
            return;
        }

        _work.Push(state with { Frames = Trail<Frame>.Push(null, new Frame(chain, 0)) });
    }

    private PacketState Route(PacketState state)
    {
        var toLocal = _context.IsLocal(state.Destination);
        var origin = _context.Packet.Origin;
        var outInterface = _context.Packet.OutInterface
            ?? (toLocal ? (origin == PacketOrigin.Local ? "lo" : null) : "eth0");
        var routed = state with { OutInterface = outInterface };
        if (state.HookIndex < state.Hooks.Count - 1)
        {
            return routed;
        }

        var where = toLocal
            ? $"routing: {state.Destination} is a local address, so the packet is delivered to the node (filter INPUT)"
            : origin == PacketOrigin.Local
                ? $"routing: {state.Destination} is not a local address, so the packet leaves the node (filter OUTPUT, then POSTROUTING)"
                : $"routing: {state.Destination} is not a local address, so the packet is forwarded (filter FORWARD, then POSTROUTING)";
        return routed.Note(where) with { Hooks = [.. state.Hooks, .. HookPlan.AfterRouting(origin, toLocal)] };
    }

    private void EndOfChain(PacketState state, Chain chain)
    {
        if (state.Frames!.Tail is not null)
        {
            _work.Push(state with { Frames = state.Frames.Tail });
            return;
        }

        if (string.Equals(chain.Policy, "DROP", StringComparison.OrdinalIgnoreCase))
        {
            Finish(state.Note($"no rule decided in {chain.Table}/{chain.Name}: its policy DROP drops the packet"), Verdicts.Drop);
            return;
        }

        _work.Push(NextHook(chain.Table == "filter" ? state with { AcceptedByRule = false } : state));
    }

    private static PacketState NextHook(PacketState state) => state with { Frames = null, HookIndex = state.HookIndex + 1 };

    private void Apply(Rule rule, PacketState state, RuleMatch match)
    {
        state = state with { Path = Trail<Rule>.Push(state.Path, rule) };
        if (match.SetsRecentList is { } list && !state.InRecentList(list))
        {
            state = state with { RecentLists = Trail<string>.Push(state.RecentLists, list) };
        }

        var target = rule.Target;
        var table = _rules.Table(rule.Table);
        if (target.Name.Length > 0 && !target.IsBuiltin && table?.Chain(target.Name) is { } chain)
        {
            Call(rule, state, chain);
            return;
        }

        var effect = _targets.Apply(rule, state);
        switch (effect.Kind)
        {
            case TargetEffectKind.Continue:
                _work.Push(effect.State);
                break;
            case TargetEffectKind.EndHook:
                _work.Push(NextHook(effect.State));
                break;
            case TargetEffectKind.Return:
                var top = effect.State.Frames!.Head;
                _work.Push(effect.State with { Frames = Trail<Frame>.Push(effect.State.Frames.Tail, top with { Index = top.Chain.Rules.Count }) });
                break;
            case TargetEffectKind.Final:
                Finish(effect.State, effect.Verdict!);
                break;
        }
    }

    private void Call(Rule rule, PacketState state, Chain chain)
    {
        var frames = state.Frames!;
        if (Trail<Frame>.Contains(frames, f => ReferenceEquals(f.Chain, chain)))
        {
            Finish(state.Note($"{rule.Reference} jumps to {chain.Name}, which is already being walked: a loop the kernel would refuse to load"), Verdicts.Incomplete);
            return;
        }

        if (frames.Count >= _limits.MaxDepth)
        {
            Finish(state.Note($"{rule.Reference}: user chains nest deeper than {_limits.MaxDepth}; the trace stops here"), Verdicts.Incomplete);
            return;
        }

        if (rule.TargetKind == TargetKind.Goto)
        {
            // -g: when the chain ends, control returns to whoever called the current chain; from a
            // built-in chain that means its policy, so the built-in frame is parked at its end.
            var caller = frames.Tail is not null
                ? frames.Tail
                : Trail<Frame>.Push(null, frames.Head with { Index = frames.Head.Chain.Rules.Count });
            _work.Push(state with { Frames = Trail<Frame>.Push(caller, new Frame(chain, 0)) });
            return;
        }

        _work.Push(state with { Frames = Trail<Frame>.Push(frames, new Frame(chain, 0)) });
    }

    private void Finish(PacketState state, string verdict) => _finished.Add(new FinishedBranch(state, verdict));
}
