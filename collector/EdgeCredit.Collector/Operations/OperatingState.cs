using System.Text.Json.Serialization;

namespace EdgeCredit.Collector.Operations;

/// <summary>What an enterprise did on one local day, as far as its sources can tell.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OperatingState>))]
internal enum OperatingState
{
    /// <summary>Machines ran (operating hours at least the threshold) or output was counted.</summary>
    [JsonStringEnumMemberName("PRODUCING")]
    Producing,

    /// <summary>The box reported and something drew power or moved, but not enough to call it production.</summary>
    [JsonStringEnumMemberName("IDLE")]
    Idle,

    /// <summary>Verified stopped: the box reported the day, meters were flat, cameras were healthy and quiet.</summary>
    [JsonStringEnumMemberName("STOPPED")]
    Stopped,

    /// <summary>The sources reported too little of the day to say anything (a dead box is not a closed factory).</summary>
    [JsonStringEnumMemberName("NO_DATA")]
    NoData,

    /// <summary>Enough data to see that something is wrong with the sources (some missing, cameras unhealthy), not enough to verify a stop.</summary>
    [JsonStringEnumMemberName("SENSOR_FAULT")]
    SensorFault,

    /// <summary>A camera was covered, moved, frozen or looped for longer than the threshold.</summary>
    [JsonStringEnumMemberName("TAMPER_SUSPECTED")]
    TamperSuspected,
}
