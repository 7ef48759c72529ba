using System.Text.Encodings.Web;
using System.Text.Json;
using NetView.Core.KubeProxy;

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

    private static readonly ServicePortJsonWriter IndentedPorts = new(Indented.Options.PropertyNamingPolicy!, Indented.Options.Encoder as JavaScriptEncoder);
    private static readonly ServicePortJsonWriter CompactPorts = new(Compact.Options.PropertyNamingPolicy!, Compact.Options.Encoder as JavaScriptEncoder);

    private const int FlushAt = 1 << 16;

    public static string Serialize(AnalysisDocument document, bool indented = true) =>
        JsonSerializer.Serialize(document, (indented ? Indented : Compact).AnalysisDocument);

    /// <summary>
    /// Writes the document to a stream as it goes: one service port at a time through the generated
    /// serializer's fast path, flushed every 64 KiB. A 300,000-rule dump makes a 35 MB document;
    /// serialized in one piece it would be built in memory first (or, on the streaming path, take
    /// twice as long). Same bytes as <see cref="Serialize(AnalysisDocument, bool)"/>.
    /// </summary>
    public static void Serialize(Stream utf8, AnalysisDocument document, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        ArgumentNullException.ThrowIfNull(document);
        var context = indented ? Indented : Compact;
        using var writer = new Utf8JsonWriter(utf8, new JsonWriterOptions
        {
            Indented = indented,
            Encoder = context.Options.Encoder,
            SkipValidation = true,
        });
        var name = context.Options.PropertyNamingPolicy!;
        writer.WriteStartObject();
        writer.WriteString(name.ConvertName(nameof(AnalysisDocument.Family)), document.Family);
        writer.WriteString(name.ConvertName(nameof(AnalysisDocument.Mode)), document.Mode);
        writer.WriteString(name.ConvertName(nameof(AnalysisDocument.ClusterCidr)), document.ClusterCidr);
        writer.WritePropertyName(name.ConvertName(nameof(AnalysisDocument.Input)));
        JsonSerializer.Serialize(writer, document.Input, context.InputDocument);
        writer.WritePropertyName(name.ConvertName(nameof(AnalysisDocument.Summary)));
        JsonSerializer.Serialize(writer, document.Summary, context.SummaryDocument);
        writer.WritePropertyName(name.ConvertName(nameof(AnalysisDocument.ServicePorts)));
        if (document.ServicePorts is ProjectedList<ServicePort, ServicePortDocument> projected)
        {
            WriteArray(writer, projected.Source, (indented ? IndentedPorts : CompactPorts).Write);
        }
        else
        {
            WriteArray(writer, document.ServicePorts, (w, port) => JsonSerializer.Serialize(w, port, context.ServicePortDocument));
        }

        writer.WritePropertyName(name.ConvertName(nameof(AnalysisDocument.Findings)));
        WriteArray(writer, document.Findings, (w, finding) => JsonSerializer.Serialize(w, finding, context.FindingDocument));
        writer.WriteEndObject();
        writer.Flush();
    }

    /// <summary>An array written item by item, handed to the stream every <see cref="FlushAt"/> bytes.</summary>
    private static void WriteArray<T>(Utf8JsonWriter writer, IReadOnlyList<T> items, Action<Utf8JsonWriter, T> write)
    {
        writer.WriteStartArray();
        foreach (var item in items)
        {
            write(writer, item);
            if (writer.BytesPending > FlushAt)
            {
                writer.Flush();
            }
        }

        writer.WriteEndArray();
    }

    /// <summary>Reads a document back; throws <see cref="JsonException"/> when the text is not one.</summary>
    public static AnalysisDocument Deserialize(string json) =>
        JsonSerializer.Deserialize(json, Compact.AnalysisDocument) ?? throw new JsonException("The JSON is null, not an analysis document.");

    public static AnalysisDocument Deserialize(Stream utf8) =>
        JsonSerializer.Deserialize(utf8, Compact.AnalysisDocument) ?? throw new JsonException("The JSON is null, not an analysis document.");
}
