using System.Text.Json.Serialization;

namespace EdgeCredit.Protocol;

/// <summary>
/// What a signal measures. Each kind has exactly one unit (see <see cref="SignalVocabulary"/>);
/// the wire name is the snake_case string in <see cref="JsonStringEnumMemberNameAttribute"/>.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<SignalKind>))]
public enum SignalKind
{
    /// <summary>Energy consumed during the window, kWh.</summary>
    [JsonStringEnumMemberName("energy")] Energy,

    /// <summary>Average active power over the window, kW.</summary>
    [JsonStringEnumMemberName("power_avg")] PowerAvg,

    /// <summary>Peak active power in the window, kW.</summary>
    [JsonStringEnumMemberName("power_peak")] PowerPeak,

    /// <summary>Seconds of the window the machine was running, s.</summary>
    [JsonStringEnumMemberName("running_seconds")] RunningSeconds,

    /// <summary>Seconds of the window the machine was powered but idle, s.</summary>
    [JsonStringEnumMemberName("idle_seconds")] IdleSeconds,

    /// <summary>Seconds of the window the machine was off, s.</summary>
    [JsonStringEnumMemberName("off_seconds")] OffSeconds,

    /// <summary>Units of output counted in the window, count.</summary>
    [JsonStringEnumMemberName("output_count")] OutputCount,

    /// <summary>Share of the window with visible machine activity, ratio 0..1.</summary>
    [JsonStringEnumMemberName("activity_index")] ActivityIndex,

    /// <summary>Average number of people present over the window, count.</summary>
    [JsonStringEnumMemberName("people_present")] PeoplePresent,

    /// <summary>Seconds of the window a work station was occupied, s.</summary>
    [JsonStringEnumMemberName("occupied_seconds")] OccupiedSeconds,

    /// <summary>Share of the window the camera delivered a healthy picture, ratio 0..1.</summary>
    [JsonStringEnumMemberName("camera_health")] CameraHealth,

    /// <summary>Cumulative energy register of a meter at the window end, kWh.</summary>
    [JsonStringEnumMemberName("meter_register")] MeterRegister,

    /// <summary>RMS current averaged over the window, A.</summary>
    [JsonStringEnumMemberName("current_rms")] CurrentRms,

    /// <summary>
    /// Seconds of the window a machine or conveyor region was hidden behind people in every frame, s: its running or
    /// idle state over those seconds was held from what the camera saw before, not seen.
    /// </summary>
    [JsonStringEnumMemberName("hidden_seconds")] HiddenSeconds,
}
