using System.Text.Json.Serialization;

namespace EdgeCredit.Agent.Inference;

/// <summary>Source-generated JSON for model manifests (camelCase, enums by their documented names).</summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(ModelManifest))]
internal sealed partial class ModelManifestJson : JsonSerializerContext;
