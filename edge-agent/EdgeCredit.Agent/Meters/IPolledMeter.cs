namespace EdgeCredit.Agent.Meters;

/// <summary>
/// A meter that needs its own loop: it polls a Modbus slave, samples an ADC or listens for pulses, and keeps its
/// latest state so that <see cref="IMeterSource.ReadAsync"/> answers at once from memory. One meter's loop never
/// waits for another's: a dead Modbus slave slows only its own readings, which turn stale.
/// The host runs <see cref="RunAsync"/> for every polled meter and restarts it (with a delay) if it throws.
/// </summary>
internal interface IPolledMeter : IMeterSource
{
    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled.</summary>
    Task RunAsync(CancellationToken cancellationToken);
}
