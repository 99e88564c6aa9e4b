using EdgeCredit.Protocol;

namespace EdgeCredit.Agent.Meters;

/// <summary>
/// One sample of a meter: active power, the machine state when the meter knows it, and how far it can be trusted.
/// A physical meter leaves <see cref="State"/> at <see cref="MachineState.Unknown"/>; the window service then asks
/// the machine-state model. Meters with a cumulative energy register (pulse counters, Modbus kWh registers) report it
/// in <see cref="RegisterKwh"/>, and the window's energy is the register's delta instead of the power integral.
/// A reading whose <see cref="Quality"/> is stale, out of range or a gap is not a measurement: it counts as
/// unobserved time, and its flag is carried to the window's signals.
/// </summary>
internal readonly record struct MeterReading(double Kilowatts, MachineState State, SignalQuality Quality)
{
    /// <summary>Cumulative energy register in kWh at the time of the reading, when the meter has one.</summary>
    public double? RegisterKwh { get; init; }

    /// <summary>RMS current in amperes, when the meter measures it (averaged over phases).</summary>
    public double? CurrentAmps { get; init; }

    /// <summary>True when the value is a measurement that may be aggregated (good or simulated).</summary>
    public bool IsMeasurement => Quality is SignalQuality.Good or SignalQuality.Simulated
        or SignalQuality.CounterReset or SignalQuality.NegativeDelta;
}
