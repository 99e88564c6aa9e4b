using System.Text.Json.Serialization;

namespace EdgeCredit.Protocol;

/// <summary>How far a signal can be trusted. Anything other than <see cref="Good"/> must not be read as a measured value.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SignalQuality>))]
public enum SignalQuality
{
    /// <summary>Measured and plausible.</summary>
    [JsonStringEnumMemberName("good")] Good,

    /// <summary>The source stopped updating; the value is the last one seen.</summary>
    [JsonStringEnumMemberName("stale")] Stale,

    /// <summary>The source reported a value outside its physical range.</summary>
    [JsonStringEnumMemberName("out_of_range")] OutOfRange,

    /// <summary>A cumulative counter went back to zero or rolled over during the window.</summary>
    [JsonStringEnumMemberName("counter_reset")] CounterReset,

    /// <summary>A cumulative counter moved backwards.</summary>
    [JsonStringEnumMemberName("negative_delta")] NegativeDelta,

    /// <summary>Part of the window had no readings; the value covers only the rest.</summary>
    [JsonStringEnumMemberName("gap")] Gap,

    /// <summary>Produced by a simulator, not by a physical sensor (demos and tests).</summary>
    [JsonStringEnumMemberName("simulated")] Simulated,
}
