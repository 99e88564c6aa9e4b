using Json.Schema;

namespace EdgeCredit.Protocol.Tests;

/// <summary>The published schema file, loaded once per test run (JsonSchema.Net registers a schema's $id globally).</summary>
internal static class BatchSchema
{
    public static readonly Lazy<JsonSchema> Instance = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "signal-batch.v1.schema.json"))));
}
