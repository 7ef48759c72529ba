namespace NetView.Web.ViewModels;

/// <summary>The result of importing a dump: the stored import, or the reason it was refused (with the line when one is to blame).</summary>
public sealed record ImportOutcome(ImportedDump? Dump, string? Error, int? Line)
{
    public static ImportOutcome Refused(string error, int? line = null) => new(null, error, line);
}
