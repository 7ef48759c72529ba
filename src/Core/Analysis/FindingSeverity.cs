namespace NetView.Core.Analysis;

/// <summary>How urgently a finding wants attention.</summary>
public enum FindingSeverity
{
    /// <summary>Worth knowing; nothing is broken.</summary>
    Info,
    /// <summary>Traffic may not go where the Service says it should.</summary>
    Warning,
    /// <summary>Traffic is dropped, rejected or sent wrong by these rules.</summary>
    Error,
}
