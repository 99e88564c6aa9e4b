using System.Text.Json.Serialization;

namespace EdgeCredit.Agent.Meters.State;

/// <summary>Source-generated JSON for persisted calibrations.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(MachineCalibration))]
internal sealed partial class CalibrationJson : JsonSerializerContext;
