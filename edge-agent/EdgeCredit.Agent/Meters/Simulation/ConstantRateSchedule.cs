namespace EdgeCredit.Agent.Meters.Simulation;

/// <summary>Pulse k starts at start + k / rate.</summary>
internal sealed class ConstantRateSchedule : IPulseSchedule
{
    private readonly DateTimeOffset _start;
    private readonly double _rateHz;
    private long _k;

    public ConstantRateSchedule(DateTimeOffset start, double rateHz)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rateHz);
        _start = start;
        _rateHz = rateHz;
    }

    public DateTimeOffset? Next() =>
        _rateHz <= 0 ? null : _start + TimeSpan.FromTicks((long)Math.Round(_k++ * TimeSpan.TicksPerSecond / _rateHz));
}
