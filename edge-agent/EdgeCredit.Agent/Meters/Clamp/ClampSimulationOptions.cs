namespace EdgeCredit.Agent.Meters.Clamp;

/// <summary>
/// The current seen by a simulated clamp (<c>Clamp:Meters:N:Simulation</c>): a sine at <see cref="FrequencyHz"/> whose
/// RMS is <see cref="Amps"/>, or, with <see cref="Machine"/> set, the current that the foundation's simulated machine
/// power implies (I = kW × 1000 / (phases × V × PF)).
/// </summary>
internal sealed class ClampSimulationOptions
{
    /// <summary>Constant RMS current, A (0..100000), when <see cref="Machine"/> is not set.</summary>
    public double Amps { get; set; } = 10;

    /// <summary>Mains frequency, Hz (1..1000).</summary>
    public double FrequencyHz { get; set; } = 50;

    /// <summary>DC offset of the clamp output at the ADC input, V (a biased single-ended input), -6..6.</summary>
    public double OffsetVolts { get; set; }

    /// <summary>Power profile: the fields of <c>Simulator:Machines:N</c> (Name is not used).</summary>
    public MachineOptions? Machine { get; set; }
}
