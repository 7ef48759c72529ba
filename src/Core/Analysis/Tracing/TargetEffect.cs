namespace NetView.Core.Analysis.Tracing;

/// <summary>What a target does to the walk.</summary>
internal enum TargetEffectKind
{
    /// <summary>Non-terminating (MARK, LOG, no target): the next rule.</summary>
    Continue,
    /// <summary>ACCEPT or a NAT target: this hook is done, on to the next.</summary>
    EndHook,
    /// <summary>RETURN: back to the caller, or to the policy of a built-in chain.</summary>
    Return,
    /// <summary>DROP, REJECT, QUEUE: the packet's fate is sealed.</summary>
    Final,
}

internal readonly record struct TargetEffect(TargetEffectKind Kind, PacketState State, string? Verdict = null);
