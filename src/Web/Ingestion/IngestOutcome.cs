namespace NetView.Web.Ingestion;

/// <summary>How the ingestion took one frame.</summary>
public enum IngestOutcome
{
    /// <summary>Applied (or, for a snapshot chunk, kept until the rest arrives).</summary>
    Accepted,
    /// <summary>Harmless and not applied: a duplicate or stale counter frame.</summary>
    Ignored,
    /// <summary>Refused with a reason; nothing changed.</summary>
    Rejected,
    /// <summary>The frame names a rule set the server does not hold: ask the agent for it (<see cref="IngestResult.Request"/>).</summary>
    NeedSnapshot,
}
