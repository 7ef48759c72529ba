namespace NetView.Core.Analysis.Json;

/// <summary>A finding as JSON: severity in lower case ("info", "warning", "error"), with its evidence.</summary>
public sealed record FindingDocument(
    string Code,
    string Severity,
    string Subject,
    string Message,
    IReadOnlyList<EvidenceDocument> Evidence,
    string? NextStep)
{
    public static FindingDocument From(Finding finding)
    {
        var evidence = new EvidenceDocument[finding.Evidence.Count];
        for (var i = 0; i < evidence.Length; i++)
        {
            var item = finding.Evidence[i];
            evidence[i] = new EvidenceDocument(item.Rule, item.Text, item.Line);
        }

        return new FindingDocument(finding.Code, finding.Severity.ToString().ToLowerInvariant(), finding.Subject, finding.Message, evidence, finding.NextStep);
    }
}
