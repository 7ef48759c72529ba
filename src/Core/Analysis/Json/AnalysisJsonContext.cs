using System.Text.Json.Serialization;

namespace NetView.Core.Analysis.Json;

/// <summary>Source-generated (reflection-free, trimming-safe) serialization of <see cref="AnalysisDocument"/>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = true)]
[JsonSerializable(typeof(AnalysisDocument))]
public sealed partial class AnalysisJsonContext : JsonSerializerContext;
