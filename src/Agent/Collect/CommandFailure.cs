namespace NetView.Agent.Collect;

/// <summary>Why a command did not give usable output.</summary>
internal enum CommandFailure
{
    None,
    /// <summary>The binary is not installed.</summary>
    NotFound,
    /// <summary>Not root / no CAP_NET_ADMIN: iptables says "Permission denied (you must be root)".</summary>
    PermissionDenied,
    TimedOut,
    /// <summary>More output than <see cref="OutputBuffer.MaxBytes"/>.</summary>
    TooLarge,
    /// <summary>Any other non-zero exit.</summary>
    Failed,
}
