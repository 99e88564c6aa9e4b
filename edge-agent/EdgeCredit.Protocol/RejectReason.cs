using System.Text.Json.Serialization;

namespace EdgeCredit.Protocol;

/// <summary>Why a message was refused. The wire name is used in quarantine records, counters and the API.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RejectReason>))]
public enum RejectReason
{
    [JsonStringEnumMemberName("not_json")] NotJson,
    [JsonStringEnumMemberName("unsupported_version")] UnsupportedVersion,
    [JsonStringEnumMemberName("schema_violation")] SchemaViolation,
    [JsonStringEnumMemberName("non_finite_value")] NonFiniteValue,
    [JsonStringEnumMemberName("value_out_of_range")] ValueOutOfRange,
    [JsonStringEnumMemberName("unit_mismatch")] UnitMismatch,
    [JsonStringEnumMemberName("invalid_window")] InvalidWindow,
    [JsonStringEnumMemberName("invalid_identifier")] InvalidIdentifier,
    [JsonStringEnumMemberName("too_large")] TooLarge,
    [JsonStringEnumMemberName("too_many_signals")] TooManySignals,
    [JsonStringEnumMemberName("too_many_events")] TooManyEvents,
    [JsonStringEnumMemberName("unknown_device")] UnknownDevice,
    [JsonStringEnumMemberName("topic_mismatch")] TopicMismatch,
    [JsonStringEnumMemberName("clock_skew")] ClockSkew,
    [JsonStringEnumMemberName("duplicate_sequence")] DuplicateSequence,
}
