namespace EdgeCredit.Agent.Meters.Pulse;

/// <summary>
/// Turns the raw edges of an S0 input into counted pulses. Pure logic: levels and timestamps in, pulses out; not
/// thread-safe (the owner serialises calls).
/// <para>
/// Debounce is a minimum pulse width: a raw level becomes the debounced level only once it has held for at least
/// <c>MinPulseWidth</c>. Contact bounce (edges closer together than that) therefore never changes the debounced
/// level, on the rising and on the falling edge alike, and can neither add nor lose a pulse.
/// </para>
/// <para>
/// A pulse is counted when its active level is confirmed: at the first edge after the active level has held
/// <c>MinPulseWidth</c> (normally its falling edge), or at an earlier <see cref="Poll"/> that sees it held that long.
/// The pulse's time (used for power from intervals) is the start of that stable active level. A pulse shorter than
/// <c>MinPulseWidth</c> is rejected.
/// </para>
/// </summary>
internal sealed class PulseCounter
{
    private readonly long _minWidthTicks;
    private bool _stableActive;
    private bool _rawActive;
    private long _rawSince;

    /// <param name="minPulseWidth">Shortest level accepted (both levels).</param>
    /// <param name="timestampFrequency">Ticks per second of the timestamps passed in (<see cref="TimeProvider.TimestampFrequency"/>).</param>
    public PulseCounter(TimeSpan minPulseWidth, long timestampFrequency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(minPulseWidth, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timestampFrequency, 0);
        _minWidthTicks = (long)Math.Ceiling(minPulseWidth.TotalSeconds * timestampFrequency);
    }

    /// <summary>Pulses counted since <see cref="Start"/>.</summary>
    public long Pulses { get; private set; }

    /// <summary>Raw edges seen (bounce included), for diagnostics.</summary>
    public long Edges { get; private set; }

    /// <summary>Levels rejected because they held for less than the minimum pulse width.</summary>
    public long Rejected { get; private set; }

    /// <summary>Timestamp of the start of the last counted pulse, when there is one.</summary>
    public long? LastPulseAt { get; private set; }

    /// <summary>
    /// Sets the level found when the input was opened. An active level found at start is taken as already counted
    /// (it may have been counted before a restart); it is not counted again.
    /// </summary>
    public void Start(bool active, long timestamp)
    {
        _stableActive = active;
        _rawActive = active;
        _rawSince = timestamp;
    }

    /// <summary>The input changed to <paramref name="active"/> at <paramref name="timestamp"/>. True when a pulse was counted.</summary>
    public bool OnLevel(bool active, long timestamp)
    {
        if (active == _rawActive)
        {
            // A repeated level (an edge of the other direction was coalesced by the driver): nothing changed.
            return false;
        }

        Edges++;
        var counted = Confirm(timestamp);
        if (_rawActive != _stableActive && timestamp - _rawSince < _minWidthTicks)
        {
            Rejected++;
        }

        _rawActive = active;
        _rawSince = timestamp;
        return counted;
    }

    /// <summary>Confirms a level that has held long enough without waiting for the next edge. True when a pulse was counted.</summary>
    public bool Poll(long timestamp) => Confirm(timestamp);

    private bool Confirm(long timestamp)
    {
        if (_rawActive == _stableActive || timestamp - _rawSince < _minWidthTicks)
        {
            return false;
        }

        _stableActive = _rawActive;
        if (!_stableActive)
        {
            return false;
        }

        Pulses++;
        LastPulseAt = _rawSince;
        return true;
    }
}
