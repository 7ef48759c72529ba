namespace NetView.Core.Wire;

/// <summary>
/// One rule slot whose counters moved in a <see cref="CounterFrame"/>, as
/// <see cref="CounterFrameDecoder"/> applied it: the increase (for history and rates) and the
/// absolute value afterwards. A reset's increase is its new absolute value, never negative.
/// </summary>
public readonly record struct CounterChange(int Slot, CounterChangeKind Kind, long PacketIncrease, long ByteIncrease, long Packets, long Bytes);
