namespace EdgeCredit.Agent.Meters.Pulse;

/// <summary>
/// Instantaneous power from the intervals between pulses: kW = 3600 / (PulsesPerKwh × interval in seconds).
/// When the time since the last pulse exceeds the last interval, the load has dropped: the power then reads the upper
/// bound 3600 / (PulsesPerKwh × time since the last pulse), which decays towards zero, and reads 0 kW once no pulse
/// came for <c>ZeroPowerAfter</c>. Before two pulses have been seen there is no interval and the power reads 0 kW.
/// Pure logic; timestamps in <see cref="TimeProvider.TimestampFrequency"/> ticks.
/// </summary>
internal sealed class PulsePower
{
    private readonly double _kwhPerPulse;
    private readonly long _frequency;
    private readonly long _zeroAfterTicks;
    private long? _last;
    private long? _interval;

    public PulsePower(double pulsesPerKwh, TimeSpan zeroPowerAfter, long timestampFrequency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(pulsesPerKwh, 0);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timestampFrequency, 0);
        _kwhPerPulse = 1 / pulsesPerKwh;
        _frequency = timestampFrequency;
        _zeroAfterTicks = (long)(zeroPowerAfter.TotalSeconds * timestampFrequency);
    }

    /// <summary>Records a pulse that started at <paramref name="timestamp"/>.</summary>
    public void OnPulse(long timestamp)
    {
        if (_last is { } last && timestamp > last)
        {
            _interval = timestamp - last;
        }

        _last = timestamp;
    }

    /// <summary>Power in kW at <paramref name="now"/>.</summary>
    public double KilowattsAt(long now)
    {
        if (_last is not { } last || _interval is not { } interval)
        {
            return 0;
        }

        var since = now - last;
        if (since > _zeroAfterTicks)
        {
            return 0;
        }

        var ticks = Math.Max(interval, since);
        return 3600 * _kwhPerPulse * _frequency / ticks;
    }
}
