namespace EdgeCredit.Agent.Meters.Modbus;

/// <summary>What a register point measures, in the unit its scaled value must be in.</summary>
internal enum ModbusQuantity
{
    /// <summary>Active power, kW (exactly one per model).</summary>
    Power,

    /// <summary>Cumulative active energy register, kWh (at most one per model).</summary>
    Energy,

    /// <summary>RMS current, A (any number; the reading carries their mean, e.g. over three phases).</summary>
    Current,

    /// <summary>RMS voltage, V (any number; only checked against its plausible range).</summary>
    Voltage,
}
