using EdgeCredit.Agent.Meters.Pulse;

namespace EdgeCredit.Agent.Meters.Simulation;

/// <summary>Builds the pulse train of a simulated pulse meter from its options.</summary>
internal static class SimulatedPulses
{
    public static PulseTrain Train(PulseMeterOptions options, DateTimeOffset start) => Train(options, start, TimeProvider.System, CancellationToken.None);

    /// <summary>The train; a <c>WireSocket</c> schedule listens until <paramref name="cancellationToken"/> is cancelled.</summary>
    public static PulseTrain Train(PulseMeterOptions options, DateTimeOffset start, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var simulation = options.Simulation;
        IPulseSchedule schedule = !string.IsNullOrWhiteSpace(simulation.WireSocket)
            ? new WirePulseSchedule(simulation.WireSocket, time, cancellationToken)
            : simulation.Machine is { } machine
            ? EnergyPulseSchedule.ForMachine(start, options.PulsesPerKwh, new SimulatedMachine(WithName(machine, options.Name)))
            : new ConstantRateSchedule(start, simulation.RateHz);
        return new PulseTrain(schedule, simulation.PulseWidth, simulation.BounceEdges, simulation.BounceSpan, simulation.Seed);
    }

    /// <summary>The machine's options with the meter's name when it has none (the name seeds the simulation).</summary>
    public static MachineOptions WithName(MachineOptions machine, string name)
    {
        ArgumentNullException.ThrowIfNull(machine);
        if (!string.IsNullOrEmpty(machine.Name))
        {
            return machine;
        }

        return new MachineOptions
        {
            Name = name,
            RatedKw = machine.RatedKw,
            IdleKw = machine.IdleKw,
            ShiftStart = machine.ShiftStart,
            ShiftEnd = machine.ShiftEnd,
            TimeZone = machine.TimeZone,
            WorkDays = machine.WorkDays,
            Profile = machine.Profile,
            NoiseFraction = machine.NoiseFraction,
            Seed = machine.Seed,
        };
    }
}
