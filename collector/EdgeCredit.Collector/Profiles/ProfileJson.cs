using System.Text.Json;
using System.Text.Json.Serialization;

namespace EdgeCredit.Collector.Profiles;

/// <summary>Source-generated serialisation of the profile document (camelCase, as the API writes everything).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CreditProfile))]
internal sealed partial class ProfileJson : JsonSerializerContext;
