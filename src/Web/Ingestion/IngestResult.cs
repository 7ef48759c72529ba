using NetView.Core.Wire;

namespace NetView.Web.Ingestion;

/// <summary>The outcome of one frame, with the reason when it was not applied.</summary>
public sealed record IngestResult(IngestOutcome Outcome, string? Reason = null, SnapshotRequest? Request = null)
{
    public static readonly IngestResult Accepted = new(IngestOutcome.Accepted);

    public static IngestResult Ignored(string reason) => new(IngestOutcome.Ignored, reason);

    public static IngestResult Rejected(string reason) => new(IngestOutcome.Rejected, reason);
}
