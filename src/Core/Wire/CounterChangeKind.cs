namespace NetView.Core.Wire;

/// <summary>How to read one decoded counter change.</summary>
public enum CounterChangeKind
{
    /// <summary>The counters grew by the delta since the previous frame.</summary>
    Delta,
    /// <summary>The counters went down (kube-proxy rewrote the chain): the value is the new absolute count, counted since the reset.</summary>
    Reset,
    /// <summary>A keyframe set the absolute value; not a rate, since it accumulates everything before.</summary>
    Keyframe,
}
