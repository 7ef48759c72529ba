namespace NetView.Core.Analysis.Diff;

/// <summary>
/// How much a rule's counters grew between two dumps. In nat these count connections (only a
/// connection's first packet walks nat), in the other tables packets.
/// </summary>
/// <param name="Rule"><c>table/CHAIN#n</c> in the new rule set.</param>
public sealed record CounterDelta(string Rule, string Text, long Packets, long Bytes);
