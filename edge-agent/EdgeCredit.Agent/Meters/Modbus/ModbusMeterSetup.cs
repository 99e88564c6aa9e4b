namespace EdgeCredit.Agent.Meters.Modbus;

/// <summary>What a <see cref="ModbusMeter"/> is built from: its options, their configuration key, its model's register map.</summary>
/// <param name="Meter">The meter's options.</param>
/// <param name="ConfigKey">Its key for messages, for example <c>Modbus:Meters:3</c>.</param>
/// <param name="Model">The points of its model (validated: one Power point, no overlaps).</param>
/// <param name="NegativeDeltaToleranceKwh">How far the energy register may go back before a reading is flagged.</param>
internal sealed record ModbusMeterSetup(ModbusMeterOptions Meter, string ConfigKey, IReadOnlyList<ModbusPointOptions> Model, double NegativeDeltaToleranceKwh);
