using System.Text.Encodings.Web;
using System.Text.Json;

namespace NetView.Core.Analysis.Json;

/// <summary>Writes and reads the <c>analyze --json</c> document (UTF-8, camelCase, nulls written out).</summary>
public static class AnalysisJson
{
    // Relaxed escaping keeps "->" and non-ASCII names readable; the result is still valid JSON,
    // and whoever puts it into HTML escapes it there.
    private static readonly AnalysisJsonContext Indented = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private static readonly AnalysisJsonContext Compact = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string Serialize(AnalysisDocument document, bool indented = true) =>
        JsonSerializer.Serialize(document, (indented ? Indented : Compact).AnalysisDocument);

    public static void Serialize(Stream utf8, AnalysisDocument document, bool indented = true) =>
        JsonSerializer.Serialize(utf8, document, (indented ? Indented : Compact).AnalysisDocument);

    /// <summary>Reads a document back; throws <see cref="JsonException"/> when the text is not one.</summary>
    public static AnalysisDocument Deserialize(string json) =>
        JsonSerializer.Deserialize(json, Compact.AnalysisDocument) ?? throw new JsonException("The JSON is null, not an analysis document.");

    public static AnalysisDocument Deserialize(Stream utf8) =>
        JsonSerializer.Deserialize(utf8, Compact.AnalysisDocument) ?? throw new JsonException("The JSON is null, not an analysis document.");
}
