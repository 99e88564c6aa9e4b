namespace EdgeCredit.Agent.Meters.Pulse;

/// <summary>
/// The pulse train of a simulated S0 input (<c>Pulse:Meters:N:Simulation</c>). With <see cref="Machine"/> set, pulse
/// times follow the foundation's simulated machine power (one pulse per 1/PulsesPerKwh kWh); otherwise pulses come at
/// the constant <see cref="RateHz"/>.
/// </summary>
internal sealed class PulseSimulationOptions
{
    /// <summary>Constant pulse rate (0 .. 200 Hz; 0 = no pulses) when <see cref="Machine"/> is not set.</summary>
    public double RateHz { get; set; } = 1;

    /// <summary>Active time of each pulse (≥ MinPulseWidth + BounceSpan; the gap must be as long).</summary>
    public TimeSpan PulseWidth { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Extra edges of contact bounce at each rising and each falling edge (0..20, even numbers keep the level).</summary>
    public int BounceEdges { get; set; }

    /// <summary>Time within which the bounce edges fall, after the first edge (0 .. 1 ms).</summary>
    public TimeSpan BounceSpan { get; set; } = TimeSpan.FromMilliseconds(0.3);

    /// <summary>Seed of the bounce pattern.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>When set, the generator appends the cumulative number of each pulse to this file (one line each) before raising its edges.</summary>
    public string? LedgerPath { get; set; }

    /// <summary>
    /// When set, pulses are not generated on a schedule but commanded by another process over this Unix domain socket
    /// path: one byte, one pulse (see <c>WirePulseSchedule</c>; used by the integration tests).
    /// </summary>
    public string? WireSocket { get; set; }

    /// <summary>Power profile: the fields of <c>Simulator:Machines:N</c> (Name is not used).</summary>
    public MachineOptions? Machine { get; set; }
}
