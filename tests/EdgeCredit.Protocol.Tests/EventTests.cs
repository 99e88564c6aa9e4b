using System.Text;
using System.Text.Json;
using EdgeCredit.Protocol;
using Json.Schema;

namespace EdgeCredit.Protocol.Tests;

/// <summary>Events inside signal batches: the parser and the JSON Schema accept and refuse the same payloads.</summary>
public sealed class EventTests
{
    private static Lazy<JsonSchema> Schema => BatchSchema.Instance;

    private static DeviceEvent Covered => new()
    {
        At = Batches.Start.AddSeconds(17.4),
        Source = "cam-1",
        Type = EventType.ConditionStarted,
        Condition = EventCondition.Covered,
        Confidence = 0.93,
        Since = Batches.Start.AddSeconds(12),
        Detail = "92 % of the view textureless",
    };

    private static DeviceEvent Idle => new() { At = Batches.Start.AddSeconds(31), Source = "press-1", Type = EventType.StateChanged, State = "idle" };

    [Fact]
    public void Parse_BatchWithEveryConditionAndAStateChange_ValidBySchemaAndParserAndRoundTrips()
    {
        var events = Enum.GetValues<EventCondition>().Select(c => Covered with { Condition = c }).Append(Idle).Append(Covered with { Type = EventType.ConditionEnded, Confidence = null }).ToList();
        var payload = ProtocolJson.Serialize(Batches.Valid() with { Events = events });

        var check = SignalBatchParser.Parse(payload);

        Assert.True(check.IsValid, check.Detail);
        Assert.True(Evaluate(payload).IsValid);
        Assert.Equal(events, check.Batch!.Events);
        Assert.Contains("\"type\":\"condition_started\"", Encoding.UTF8.GetString(payload), StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_BatchWithoutEvents_HasNoEventsMember()
    {
        Assert.DoesNotContain("events", Encoding.UTF8.GetString(ProtocolJson.Serialize(Batches.Valid())), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OnlyEventsNoSignals_Valid()
    {
        var payload = ProtocolJson.Serialize(Batches.Valid() with { Signals = [], Events = [Covered] });

        Assert.True(SignalBatchParser.Parse(payload).IsValid);
        Assert.True(Evaluate(payload).IsValid);
    }

    public static TheoryData<string, RejectReason> BadEvents => new()
    {
        { """{"at":"2026-11-25T08:00:17Z","source":"cam-1","type":"condition_started"}""", RejectReason.SchemaViolation },
        { """{"at":"2026-11-25T08:00:17Z","source":"cam-1","type":"state_changed","state":"idle","condition":"dark"}""", RejectReason.SchemaViolation },
        { """{"at":"2026-11-25T08:00:17Z","source":"cam-1","type":"state_changed","state":"Running!"}""", RejectReason.SchemaViolation },
        { """{"at":"2026-11-25T08:00:17Z","source":"cam-1","type":"condition_started","condition":"dark","confidence":1.5}""", RejectReason.ValueOutOfRange },
        { """{"at":"2026-11-25T08:00:17Z","source":"cam-1","type":"condition_started","condition":"smoke"}""", RejectReason.SchemaViolation },
        { """{"at":"2026-11-25T08:00:17Z","source":"cam 1","type":"condition_started","condition":"dark"}""", RejectReason.InvalidIdentifier },
        { """{"at":"2026-11-25T08:00:17Z","source":"cam-1","type":"condition_ended","condition":"dark","since":"2026-11-25T08:00:18Z"}""", RejectReason.InvalidWindow },
        { """{"at":"2026-11-25T08:00:17Z","source":"cam-1","type":"condition_started","condition":"dark","detail":"DETAIL"}""".Replace("DETAIL", new string('x', 201), StringComparison.Ordinal), RejectReason.ValueOutOfRange },
        { """{"at":"2026-11-25T08:00:17Z","source":"cam-1","type":"condition_started","condition":"dark","colour":"red"}""", RejectReason.SchemaViolation },
    };

    [Theory]
    [MemberData(nameof(BadEvents))]
    public void Parse_BadEvent_RefusedBySchemaAndParserWithReason(string eventJson, RejectReason reason)
    {
        var json = Encoding.UTF8.GetString(ProtocolJson.Serialize(Batches.Valid(machines: 1)));
        var bytes = Encoding.UTF8.GetBytes(json[..^1] + ",\"events\":[" + eventJson + "]}");

        var check = SignalBatchParser.Parse(bytes);

        Assert.False(check.IsValid);
        Assert.Equal(reason, check.Reason);
        if (reason != RejectReason.InvalidWindow)
        {
            Assert.False(Evaluate(bytes).IsValid, "schema accepted it"); // "since after at" is a rule only the parser can state
        }
    }

    [Fact]
    public void Parse_TooManyEvents_RefusedWithTooManyEvents()
    {
        var payload = ProtocolJson.Serialize(Batches.Valid() with { Events = Enumerable.Repeat(Idle, ProtocolLimits.MaxEventsPerBatch + 1).ToList() });

        Assert.Equal(RejectReason.TooManyEvents, SignalBatchParser.Parse(payload).Reason);
        Assert.False(Evaluate(payload).IsValid);
    }

    [Fact]
    public void Schema_ConditionsAndTypes_MatchTheCSharpEnums()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "signal-batch.v1.schema.json")));
        var props = doc.RootElement.GetProperty("$defs").GetProperty("event").GetProperty("properties");

        Assert.Equal(Enum.GetValues<EventCondition>().Select(c => ProtocolJson.EnumWireName(c)).ToHashSet(), props.GetProperty("condition").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToHashSet());
        Assert.Equal(Enum.GetValues<EventType>().Select(t => ProtocolJson.EnumWireName(t)).ToHashSet(), props.GetProperty("type").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToHashSet());
    }

    private static EvaluationResults Evaluate(byte[] payload)
    {
        using var doc = JsonDocument.Parse(payload);
        return Schema.Value.Evaluate(doc.RootElement, new EvaluationOptions { RequireFormatValidation = true, OutputFormat = OutputFormat.List });
    }
}
