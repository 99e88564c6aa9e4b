using System.Text;
using EdgeCredit.Protocol;

namespace EdgeCredit.Protocol.Tests;

public sealed class SignalBatchParserTests
{
    [Fact]
    public void Parse_SerializedBatch_RoundTripsEveryField()
    {
        var batch = Batches.Valid();

        var parsed = SignalBatchParser.Parse(ProtocolJson.Serialize(batch));

        Assert.True(parsed.IsValid, parsed.Detail);
        Assert.Equal(batch.Sequence, parsed.Batch!.Sequence);
        Assert.Equal(batch.SentAt, parsed.Batch.SentAt);
        Assert.Equal(batch.Signals, parsed.Batch.Signals);
    }

    [Fact]
    public void Serialize_Batch_UsesSnakeCaseWireNamesAndCamelCaseMembers()
    {
        var json = Encoding.UTF8.GetString(ProtocolJson.Serialize(Batches.Valid()));

        Assert.Contains("\"kind\":\"running_seconds\"", json, StringComparison.Ordinal);
        Assert.Contains("\"sentAt\":\"2026-11-25T08:01:00.12+00:00\"", json, StringComparison.Ordinal);
        Assert.Contains("\"quality\":\"good\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hello", RejectReason.NotJson)]
    [InlineData("{\"version\":1,", RejectReason.NotJson)]
    [InlineData("[]", RejectReason.SchemaViolation)]
    [InlineData("null", RejectReason.SchemaViolation)]
    public void Parse_Garbage_RejectsWithReason(string payload, RejectReason expected)
    {
        var result = SignalBatchParser.Parse(Encoding.UTF8.GetBytes(payload));

        Assert.Equal(expected, result.Reason);
        Assert.False(string.IsNullOrWhiteSpace(result.Detail));
    }

    [Fact]
    public void Parse_Version2_RejectsUnsupportedVersion()
    {
        var json = Json().Replace("\"version\":1", "\"version\":2", StringComparison.Ordinal);

        Assert.Equal(RejectReason.UnsupportedVersion, SignalBatchParser.Parse(Encoding.UTF8.GetBytes(json)).Reason);
    }

    [Fact]
    public void Parse_Version2WithOtherShape_RejectsUnsupportedVersionNotSchema()
    {
        const string json = "{\"version\":2,\"something\":\"else\"}";

        Assert.Equal(RejectReason.UnsupportedVersion, SignalBatchParser.Parse(Encoding.UTF8.GetBytes(json)).Reason);
    }

    [Theory]
    [InlineData("\"sequence\":1764057600000,")]
    [InlineData("\"device\":\"gw-01\",")]
    public void Parse_MissingRequiredMember_RejectsSchemaViolation(string member)
    {
        var json = Json().Replace(member, string.Empty, StringComparison.Ordinal);

        var result = SignalBatchParser.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Equal(RejectReason.SchemaViolation, result.Reason);
    }

    [Fact]
    public void Parse_UnknownMember_RejectsSchemaViolation()
    {
        var json = Json().Replace("\"version\":1", "\"version\":1,\"extra\":true", StringComparison.Ordinal);

        Assert.Equal(RejectReason.SchemaViolation, SignalBatchParser.Parse(Encoding.UTF8.GetBytes(json)).Reason);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("\"NaN\"")]
    public void Parse_NonFiniteValue_RejectsNonFinite(string literal)
    {
        var json = Json().Replace("\"value\":54", "\"value\":" + literal, StringComparison.Ordinal);

        Assert.Equal(RejectReason.NonFiniteValue, SignalBatchParser.Parse(Encoding.UTF8.GetBytes(json)).Reason);
    }

    [Fact]
    public void Parse_HugeExponent_RejectsNotFiniteOrOutOfRange()
    {
        var json = Json().Replace("\"value\":54", "\"value\":1e400", StringComparison.Ordinal);

        var reason = SignalBatchParser.Parse(Encoding.UTF8.GetBytes(json)).Reason;

        Assert.True(reason is RejectReason.NonFiniteValue or RejectReason.ValueOutOfRange or RejectReason.SchemaViolation, reason?.ToString());
    }

    [Fact]
    public void Check_NegativeEnergy_RejectsOutOfRange()
    {
        var batch = Batches.Valid() with { Signals = [Batches.Make("m1", SignalKind.Energy, -0.5)] };

        Assert.Equal(RejectReason.ValueOutOfRange, SignalBatchParser.Check(batch).Reason);
    }

    [Fact]
    public void Check_RunningSecondsLongerThanWindow_RejectsOutOfRange()
    {
        var batch = Batches.Valid() with { Signals = [Batches.Make("m1", SignalKind.RunningSeconds, 61)] };

        Assert.Equal(RejectReason.ValueOutOfRange, SignalBatchParser.Check(batch).Reason);
    }

    [Fact]
    public void Check_WrongUnit_RejectsUnitMismatch()
    {
        var batch = Batches.Valid() with { Signals = [Batches.Make("m1", SignalKind.Energy, 1) with { Unit = "Wh" }] };

        var result = SignalBatchParser.Check(batch);

        Assert.Equal(RejectReason.UnitMismatch, result.Reason);
        Assert.Contains("kWh", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_EndBeforeStart_RejectsInvalidWindow()
    {
        var signal = Batches.Make("m1", SignalKind.Energy, 1);
        var batch = Batches.Valid() with { Signals = [signal with { End = signal.Start.AddSeconds(-1) }] };

        Assert.Equal(RejectReason.InvalidWindow, SignalBatchParser.Check(batch).Reason);
    }

    [Theory]
    [InlineData("GW-01")]
    [InlineData("gw/01")]
    [InlineData("")]
    public void Check_BadDeviceId_RejectsInvalidIdentifier(string device)
    {
        var batch = Batches.Valid() with { Device = device };

        Assert.Equal(RejectReason.InvalidIdentifier, SignalBatchParser.Check(batch).Reason);
    }

    [Fact]
    public void Check_ZeroSequence_RejectsOutOfRange()
    {
        Assert.Equal(RejectReason.ValueOutOfRange, SignalBatchParser.Check(Batches.Valid(sequence: 0)).Reason);
    }

    [Fact]
    public void Check_TooManySignals_RejectsTooManySignals()
    {
        var batch = Batches.Valid() with { Signals = Enumerable.Repeat(Batches.Make("m1", SignalKind.Energy, 1), 1001).ToList() };

        Assert.Equal(RejectReason.TooManySignals, SignalBatchParser.Check(batch).Reason);
    }

    [Fact]
    public void Parse_TenMegabytes_RejectsTooLargeWithoutParsing()
    {
        var payload = new byte[10 * 1024 * 1024];
        payload.AsSpan().Fill((byte)'x');

        var result = SignalBatchParser.Parse(payload);

        Assert.Equal(RejectReason.TooLarge, result.Reason);
        Assert.Contains("10485760", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmptySignals_RejectsSchemaViolation()
    {
        var batch = Batches.Valid() with { Signals = [] };

        Assert.Equal(RejectReason.SchemaViolation, SignalBatchParser.Parse(ProtocolJson.Serialize(batch)).Reason);
    }

    [Fact]
    public void Parse_UnknownKind_RejectsSchemaViolation()
    {
        var json = Json().Replace("\"running_seconds\"", "\"fuel_litres\"", StringComparison.Ordinal);

        Assert.Equal(RejectReason.SchemaViolation, SignalBatchParser.Parse(Encoding.UTF8.GetBytes(json)).Reason);
    }

    private static string Json() => Encoding.UTF8.GetString(ProtocolJson.Serialize(Batches.Valid(machines: 1)));
}
