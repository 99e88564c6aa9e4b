using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EdgeCredit.Protocol;

/// <summary>
/// Parses and checks signal batches against wire protocol v1 (the same rules as signal-batch.v1.schema.json,
/// plus the ones a schema cannot state: units per kind, window lengths, seconds within the window).
/// Never throws on bad input: every problem becomes a <see cref="RejectReason"/> with a detail.
/// </summary>
public static class SignalBatchParser
{
    public static BatchCheck Parse(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > ProtocolLimits.MaxPayloadBytes)
        {
            return BatchCheck.Reject(RejectReason.TooLarge, $"payload is {utf8.Length} bytes; the limit is {ProtocolLimits.MaxPayloadBytes}");
        }

        SignalBatch? batch;
        try
        {
            batch = JsonSerializer.Deserialize(utf8, ProtocolJson.Default.SignalBatch);
        }
        catch (JsonException ex)
        {
            return ClassifyJsonError(utf8, ex);
        }

        return batch is null
            ? BatchCheck.Reject(RejectReason.SchemaViolation, "payload is JSON null")
            : Check(batch);
    }

    /// <summary>Checks a batch built in memory (the agent does this before it stores a batch).</summary>
    public static BatchCheck Check(SignalBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return CheckRules(batch) with { Parsed = batch };
    }

    private static BatchCheck CheckRules(SignalBatch batch)
    {
        if (batch.Version != SignalBatch.CurrentVersion)
        {
            return BatchCheck.Reject(RejectReason.UnsupportedVersion, $"version {batch.Version} is not supported; this collector speaks version {SignalBatch.CurrentVersion}");
        }

        if (!ProtocolLimits.IsIdentifier(batch.Enterprise))
        {
            return BatchCheck.Reject(RejectReason.InvalidIdentifier, $"enterprise '{Clip(batch.Enterprise)}' is not a valid identifier");
        }

        if (!ProtocolLimits.IsIdentifier(batch.Device))
        {
            return BatchCheck.Reject(RejectReason.InvalidIdentifier, $"device '{Clip(batch.Device)}' is not a valid identifier");
        }

        if (batch.Sequence < 1)
        {
            return BatchCheck.Reject(RejectReason.ValueOutOfRange, $"sequence {batch.Sequence} must be at least 1");
        }

        if (batch.Signals.Count == 0 && batch.Events is not { Count: > 0 })
        {
            return BatchCheck.Reject(RejectReason.SchemaViolation, "signals is empty; a batch carries at least one signal or event");
        }

        if (batch.Signals.Count > ProtocolLimits.MaxSignalsPerBatch)
        {
            return BatchCheck.Reject(RejectReason.TooManySignals, $"{batch.Signals.Count} signals; the limit is {ProtocolLimits.MaxSignalsPerBatch}");
        }

        for (var i = 0; i < batch.Signals.Count; i++)
        {
            var problem = CheckSignal(batch.Signals[i], i);
            if (problem is not null)
            {
                return problem.Value;
            }
        }

        if (batch.Events is { } events)
        {
            if (events.Count > ProtocolLimits.MaxEventsPerBatch)
            {
                return BatchCheck.Reject(RejectReason.TooManyEvents, $"{events.Count} events; the limit is {ProtocolLimits.MaxEventsPerBatch}");
            }

            for (var i = 0; i < events.Count; i++)
            {
                var problem = CheckEvent(events[i], i);
                if (problem is not null)
                {
                    return problem.Value;
                }
            }
        }

        return BatchCheck.Ok(batch);
    }

    private static BatchCheck? CheckSignal(Signal signal, int index)
    {
        var at = $"signals[{index}]";
        if (signal is null)
        {
            return BatchCheck.Reject(RejectReason.SchemaViolation, $"{at} is null");
        }

        if (!ProtocolLimits.SourcePattern().IsMatch(signal.Source))
        {
            return BatchCheck.Reject(RejectReason.InvalidIdentifier, $"{at}.source '{Clip(signal.Source)}' is not a valid source name");
        }

        var window = signal.End - signal.Start;
        if (window < ProtocolLimits.MinWindow || window > ProtocolLimits.MaxWindow)
        {
            return BatchCheck.Reject(RejectReason.InvalidWindow, $"{at} window {signal.Start:O}..{signal.End:O} lasts {window}; allowed {ProtocolLimits.MinWindow} to {ProtocolLimits.MaxWindow}");
        }

        if (!double.IsFinite(signal.Value))
        {
            return BatchCheck.Reject(RejectReason.NonFiniteValue, $"{at}.value is {signal.Value.ToString(CultureInfo.InvariantCulture)}; values must be finite numbers");
        }

        if (!Enum.IsDefined(signal.Kind) || !Enum.IsDefined(signal.Quality))
        {
            return BatchCheck.Reject(RejectReason.SchemaViolation, $"{at} has an unknown kind or quality");
        }

        var entry = SignalVocabulary.Of(signal.Kind);
        if (!string.Equals(signal.Unit, entry.Unit, StringComparison.Ordinal))
        {
            return BatchCheck.Reject(RejectReason.UnitMismatch, $"{at}.unit '{Clip(signal.Unit)}' is wrong for kind {SignalVocabulary.WireName(signal.Kind)}; expected '{entry.Unit}'");
        }

        var max = entry.PerWindowSeconds ? window.TotalSeconds : entry.Maximum ?? double.MaxValue;
        if (signal.Value < entry.Minimum || signal.Value > max)
        {
            return BatchCheck.Reject(RejectReason.ValueOutOfRange, $"{at}.value {signal.Value.ToString(CultureInfo.InvariantCulture)} {entry.Unit} is outside {entry.Minimum.ToString(CultureInfo.InvariantCulture)}..{max.ToString(CultureInfo.InvariantCulture)} for kind {SignalVocabulary.WireName(signal.Kind)}");
        }

        return null;
    }

    private static BatchCheck? CheckEvent(DeviceEvent e, int index)
    {
        var at = $"events[{index}]";
        if (e is null)
        {
            return BatchCheck.Reject(RejectReason.SchemaViolation, $"{at} is null");
        }

        if (!ProtocolLimits.SourcePattern().IsMatch(e.Source))
        {
            return BatchCheck.Reject(RejectReason.InvalidIdentifier, $"{at}.source '{Clip(e.Source)}' is not a valid source name");
        }

        if (!Enum.IsDefined(e.Type) || (e.Condition is { } c && !Enum.IsDefined(c)))
        {
            return BatchCheck.Reject(RejectReason.SchemaViolation, $"{at} has an unknown type or condition");
        }

        var isCondition = e.Type is EventType.ConditionStarted or EventType.ConditionEnded;
        if (isCondition != e.Condition.HasValue || (e.Type == EventType.StateChanged) != (e.State is not null))
        {
            return BatchCheck.Reject(RejectReason.SchemaViolation, $"{at}: condition events carry a condition and no state, state_changed carries a state and no condition");
        }

        if (e.State is { } state && !ProtocolLimits.StatePattern().IsMatch(state))
        {
            return BatchCheck.Reject(RejectReason.SchemaViolation, $"{at}.state '{Clip(state)}' is not a lower-case word");
        }

        if (e.Confidence is { } confidence && (!double.IsFinite(confidence) || confidence < 0 || confidence > 1))
        {
            return BatchCheck.Reject(RejectReason.ValueOutOfRange, $"{at}.confidence {confidence.ToString(CultureInfo.InvariantCulture)} is outside 0..1");
        }

        if (e.Since is { } since && since > e.At)
        {
            return BatchCheck.Reject(RejectReason.InvalidWindow, $"{at}.since {since:O} is after its time {e.At:O}");
        }

        if (e.Detail is { Length: > ProtocolLimits.MaxEventDetailLength })
        {
            return BatchCheck.Reject(RejectReason.ValueOutOfRange, $"{at}.detail has {e.Detail.Length} characters; the limit is {ProtocolLimits.MaxEventDetailLength}");
        }

        return null;
    }

    private static BatchCheck ClassifyJsonError(ReadOnlySpan<byte> utf8, JsonException ex)
    {
        var where = ex.Path is null ? string.Empty : $" at {ex.Path}";
        if (!IsWellFormedJson(utf8))
        {
            return LooksLikeNonFiniteLiteral(utf8)
                ? BatchCheck.Reject(RejectReason.NonFiniteValue, "payload contains NaN or Infinity, which JSON cannot carry; values must be finite numbers")
                : BatchCheck.Reject(RejectReason.NotJson, $"payload is not well-formed JSON{where}: {Clip(ex.Message, 160)}");
        }

        var version = ReadVersion(utf8);
        if (version is not null && version != SignalBatch.CurrentVersion)
        {
            return BatchCheck.Reject(RejectReason.UnsupportedVersion, $"version {version} is not supported; this collector speaks version {SignalBatch.CurrentVersion}");
        }

        if (ex.Path is not null && ex.Path.EndsWith(".value", StringComparison.Ordinal) && LooksLikeNonFiniteString(utf8))
        {
            return BatchCheck.Reject(RejectReason.NonFiniteValue, $"value{where} is not a finite number");
        }

        return BatchCheck.Reject(RejectReason.SchemaViolation, $"payload does not match the v1 schema{where}: {Clip(ex.Message, 200)}");
    }

    private static bool IsWellFormedJson(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        try
        {
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static int? ReadVersion(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isVersion = reader.ValueTextEquals("version"u8);
                reader.Read();
                if (isVersion)
                {
                    return reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var v) ? v : -1;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return null;
    }

    private static bool LooksLikeNonFiniteLiteral(ReadOnlySpan<byte> utf8) =>
        utf8.IndexOf(":NaN"u8) >= 0 || utf8.IndexOf(": NaN"u8) >= 0 || utf8.IndexOf("Infinity"u8) >= 0;

    private static bool LooksLikeNonFiniteString(ReadOnlySpan<byte> utf8) =>
        utf8.IndexOf("\"NaN\""u8) >= 0 || utf8.IndexOf("Infinity\""u8) >= 0;

    private static string Clip(string? value, int max = 64)
    {
        if (value is null)
        {
            return "(null)";
        }

        var sb = new StringBuilder(Math.Min(value.Length, max));
        foreach (var c in value.AsSpan(0, Math.Min(value.Length, max)))
        {
            sb.Append(char.IsControl(c) ? '?' : c);
        }

        return value.Length > max ? sb.Append('…').ToString() : sb.ToString();
    }
}
