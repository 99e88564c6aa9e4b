using System.Text.Json.Serialization;

namespace EdgeCredit.Scenes;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(SceneTruth))]
internal sealed partial class TruthJsonContext : JsonSerializerContext;
