namespace NetView.Core.Iptables;

/// <summary>How a rule hands a packet on: <c>-j</c> returns to the caller after a user chain ends, <c>-g</c> does not.</summary>
public enum TargetKind
{
    /// <summary>No target: the rule only counts.</summary>
    None,
    /// <summary><c>-j</c>: a verdict, an extension target, or a call of a user chain.</summary>
    Jump,
    /// <summary><c>-g</c>: continue in a user chain without coming back here.</summary>
    Goto,
}
