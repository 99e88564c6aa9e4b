namespace EdgeCredit.Agent.Meters.Simulation;

/// <summary>
/// Pulse times from energy: the power profile (kW, constant over each whole UTC second) is integrated from the start,
/// and a pulse is due each time another 1/PulsesPerKwh kWh has been used, as an S0 meter does.
/// </summary>
internal sealed class EnergyPulseSchedule : IPulseSchedule
{
    private static readonly TimeSpan LookAhead = TimeSpan.FromDays(8);
    private readonly Func<DateTimeOffset, double> _kilowattsAt;
    private readonly double _kwhPerPulse;
    private DateTimeOffset _cursor;
    private double _kwhSincePulse;

    public EnergyPulseSchedule(DateTimeOffset start, double pulsesPerKwh, Func<DateTimeOffset, double> kilowattsAt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(pulsesPerKwh, 0);
        ArgumentNullException.ThrowIfNull(kilowattsAt);
        _cursor = start;
        _kwhPerPulse = 1 / pulsesPerKwh;
        _kilowattsAt = kilowattsAt;
    }

    /// <summary>A schedule following a simulated machine of the foundation (<see cref="SimulatedMachine"/>).</summary>
    public static EnergyPulseSchedule ForMachine(DateTimeOffset start, double pulsesPerKwh, SimulatedMachine machine)
    {
        ArgumentNullException.ThrowIfNull(machine);
        return new EnergyPulseSchedule(start, pulsesPerKwh, at => machine.ReadAt(at).Kilowatts);
    }

    public DateTimeOffset? Next()
    {
        var limit = _cursor + LookAhead;
        while (_cursor < limit)
        {
            var secondEnd = DateTimeOffset.FromUnixTimeSeconds(_cursor.ToUnixTimeSeconds() + 1);
            var kw = Math.Max(0, _kilowattsAt(_cursor));
            var needKwh = _kwhPerPulse - _kwhSincePulse;
            var availableKwh = kw * (secondEnd - _cursor).TotalHours;
            if (kw > 0 && availableKwh >= needKwh)
            {
                _cursor += TimeSpan.FromHours(needKwh / kw);
                _kwhSincePulse = 0;
                return _cursor;
            }

            _kwhSincePulse += availableKwh;
            _cursor = secondEnd;
        }

        return null;
    }
}
