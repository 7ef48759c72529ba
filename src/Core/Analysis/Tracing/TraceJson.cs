using System.Text.Json;
using System.Text.Json.Serialization;

namespace NetView.Core.Analysis.Tracing;

/// <summary>Reads and writes the <c>trace --json</c> document: camelCase, UTF-8, source-generated.</summary>
public static class TraceJson
{
    public static string Serialize(TraceResult result) =>
        JsonSerializer.Serialize(TraceDocument.From(result), TraceJsonContext.Default.TraceDocument);

    public static TraceDocument? Deserialize(string json) =>
        JsonSerializer.Deserialize(json, TraceJsonContext.Default.TraceDocument);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(TraceDocument))]
internal sealed partial class TraceJsonContext : JsonSerializerContext;
