using NetView.Core.Iptables;

namespace NetView.Core.Analysis.Diff;

/// <summary>
/// Pairs the rules of one chain in two rule sets by text. Unpaired rules are added or removed;
/// paired rules off the longest run kept in order are moved. The longest increasing subsequence
/// (patience sorting, n log n) stands in for a full LCS, which would be quadratic on chains like
/// KUBE-SERVICES with tens of thousands of rules.
/// </summary>
internal static class ChainAlignment
{
    public static void Align(
        IReadOnlyList<Rule> oldRules,
        IReadOnlyList<Rule> newRules,
        List<RuleChange> added,
        List<RuleChange> removed,
        List<RuleChange> moved,
        List<(Rule Old, Rule New)> pairs)
    {
        var unmatched = new Dictionary<string, Queue<int>>(StringComparer.Ordinal);
        for (var i = 0; i < oldRules.Count; i++)
        {
            if (!unmatched.TryGetValue(oldRules[i].Text, out var queue))
            {
                unmatched[oldRules[i].Text] = queue = new Queue<int>();
            }

            queue.Enqueue(i);
        }

        var matched = new List<(int Old, int New)>();
        var oldTaken = new bool[oldRules.Count];
        for (var j = 0; j < newRules.Count; j++)
        {
            if (unmatched.TryGetValue(newRules[j].Text, out var queue) && queue.Count > 0)
            {
                var i = queue.Dequeue();
                oldTaken[i] = true;
                matched.Add((i, j));
                pairs.Add((oldRules[i], newRules[j]));
            }
            else
            {
                var rule = newRules[j];
                added.Add(new RuleChange(rule.Table, rule.Chain, null, rule.Number, rule.Text));
            }
        }

        for (var i = 0; i < oldRules.Count; i++)
        {
            if (!oldTaken[i])
            {
                var rule = oldRules[i];
                removed.Add(new RuleChange(rule.Table, rule.Chain, rule.Number, null, rule.Text));
            }
        }

        matched.Sort((a, b) => a.Old.CompareTo(b.Old));
        var kept = LongestIncreasing(matched);
        for (var k = 0; k < matched.Count; k++)
        {
            if (!kept[k])
            {
                var oldRule = oldRules[matched[k].Old];
                var newRule = newRules[matched[k].New];
                moved.Add(new RuleChange(newRule.Table, newRule.Chain, oldRule.Number, newRule.Number, newRule.Text));
            }
        }
    }

    // Marks the members of one longest subsequence whose new positions increase.
    private static bool[] LongestIncreasing(List<(int Old, int New)> matched)
    {
        var tails = new List<int>();
        var previous = new int[matched.Count];
        for (var k = 0; k < matched.Count; k++)
        {
            var value = matched[k].New;
            int lo = 0, hi = tails.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (matched[tails[mid]].New < value)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            previous[k] = lo > 0 ? tails[lo - 1] : -1;
            if (lo == tails.Count)
            {
                tails.Add(k);
            }
            else
            {
                tails[lo] = k;
            }
        }

        var kept = new bool[matched.Count];
        for (var k = tails.Count > 0 ? tails[^1] : -1; k >= 0; k = previous[k])
        {
            kept[k] = true;
        }

        return kept;
    }
}
