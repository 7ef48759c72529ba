using System.Text.Json;
using System.Text.Json.Serialization;

namespace NetView.Core.Analysis.Diff;

/// <summary>Reads and writes the <c>diff --json</c> document: the difference as it is, camelCase, source-generated.</summary>
public static class DiffJson
{
    public static string Serialize(RuleSetDifference difference) =>
        JsonSerializer.Serialize(difference, DiffJsonContext.Default.RuleSetDifference);

    public static RuleSetDifference? Deserialize(string json) =>
        JsonSerializer.Deserialize(json, DiffJsonContext.Default.RuleSetDifference);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(RuleSetDifference))]
internal sealed partial class DiffJsonContext : JsonSerializerContext;
