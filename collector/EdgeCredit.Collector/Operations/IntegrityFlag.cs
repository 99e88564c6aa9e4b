using System.Text.Json.Serialization;

namespace EdgeCredit.Collector.Operations;

/// <summary>A day on which independent sources contradict each other (cross-checks).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IntegrityFlag>))]
internal enum IntegrityFlag
{
    /// <summary>Energy drawn like a working day while healthy cameras saw no activity.</summary>
    [JsonStringEnumMemberName("energy_without_activity")]
    EnergyWithoutActivity,

    /// <summary>Cameras saw a busy day while the meters stayed flat.</summary>
    [JsonStringEnumMemberName("activity_without_energy")]
    ActivityWithoutEnergy,

    /// <summary>Output was counted while the meters stayed flat.</summary>
    [JsonStringEnumMemberName("output_without_energy")]
    OutputWithoutEnergy,

    /// <summary>Energy per unit of output far from its baseline.</summary>
    [JsonStringEnumMemberName("kwh_per_unit_drift")]
    KwhPerUnitDrift,
}
