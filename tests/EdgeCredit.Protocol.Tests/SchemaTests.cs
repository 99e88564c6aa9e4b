using System.Text;
using System.Text.Json;
using EdgeCredit.Protocol;
using Json.Schema;

namespace EdgeCredit.Protocol.Tests;

/// <summary>The JSON Schema file is the published contract: real payloads must pass it, bad ones must fail it and the parser alike.</summary>
public sealed class SchemaTests
{
    private static Lazy<JsonSchema> Schema => BatchSchema.Instance;

    [Fact]
    public void Schema_SerializedBatchWithEveryKindAndQuality_IsValid()
    {
        var signals = SignalVocabulary.All
            .SelectMany(e => Enum.GetValues<SignalQuality>().Select(q => Batches.Make("src-1", e.Kind, 1, q) with { Value = Math.Min(1, e.Maximum ?? 60) }))
            .ToList();
        var batch = Batches.Valid() with { Signals = signals };

        var result = Evaluate(ProtocolJson.Serialize(batch));

        Assert.True(result.IsValid, Describe(result));
        Assert.True(SignalBatchParser.Parse(ProtocolJson.Serialize(batch)).IsValid);
    }

    [Fact]
    public void Schema_KindsAndQualities_MatchTheCSharpVocabulary()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "signal-batch.v1.schema.json")));
        var props = doc.RootElement.GetProperty("$defs").GetProperty("signal").GetProperty("properties");
        var kinds = props.GetProperty("kind").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToHashSet();
        var qualities = props.GetProperty("quality").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToHashSet();
        var units = props.GetProperty("unit").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToHashSet();

        Assert.Equal(Enum.GetValues<SignalKind>().Select(SignalVocabulary.WireName).ToHashSet(), kinds);
        Assert.Equal(Enum.GetValues<SignalQuality>().Select(q => ProtocolJson.EnumWireName(q)).ToHashSet(), qualities);
        Assert.Equal(SignalVocabulary.All.Select(e => e.Unit).ToHashSet(), units);
    }

    public static TheoryData<string, string> BadPayloads => new()
    {
        { "wrong version", Json().Replace("\"version\":1", "\"version\":2", StringComparison.Ordinal) },
        { "missing sequence", Json().Replace("\"sequence\":1764057600000,", string.Empty, StringComparison.Ordinal) },
        { "unknown member", Json().Replace("\"version\":1", "\"version\":1,\"x\":1", StringComparison.Ordinal) },
        { "negative energy", Json().Replace("\"value\":0.412", "\"value\":-0.412", StringComparison.Ordinal) },
        { "unit mismatch", Json().Replace("\"unit\":\"kWh\"", "\"unit\":\"kW\"", StringComparison.Ordinal) },
        { "value as string", Json().Replace("\"value\":54", "\"value\":\"54\"", StringComparison.Ordinal) },
        { "upper-case device", Json().Replace("\"gw-01\"", "\"GW-01\"", StringComparison.Ordinal) },
        { "ratio above one", Json().Replace("\"value\":0.9", "\"value\":1.5", StringComparison.Ordinal) },
        { "unknown quality", Json().Replace("\"quality\":\"good\"", "\"quality\":\"great\"", StringComparison.Ordinal) },
        { "empty signals", Encoding.UTF8.GetString(ProtocolJson.Serialize(Batches.Valid() with { Signals = [] })) },
        { "sequence zero", Json().Replace("\"sequence\":1764057600000", "\"sequence\":0", StringComparison.Ordinal) },
    };

    [Theory]
    [MemberData(nameof(BadPayloads))]
    public void Schema_BadPayload_RejectedBySchemaAndParser(string name, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);

        Assert.False(Evaluate(bytes).IsValid, $"schema accepted: {name}");
        Assert.False(SignalBatchParser.Parse(bytes).IsValid, $"parser accepted: {name}");
    }

    private static EvaluationResults Evaluate(byte[] payload)
    {
        using var doc = JsonDocument.Parse(payload);
        return Schema.Value.Evaluate(doc.RootElement, new EvaluationOptions { RequireFormatValidation = true, OutputFormat = OutputFormat.List });
    }

    private static string Describe(EvaluationResults results) =>
        string.Join("; ", (results.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));

    private static string Json() => Encoding.UTF8.GetString(ProtocolJson.Serialize(Batches.Valid(machines: 1)));
}
