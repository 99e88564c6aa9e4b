namespace EdgeCredit.Agent.Meters.Ocr;

/// <summary>
/// Keeps implausible register readings out of the energy: a cumulative register only moves forward, and at most as fast
/// as the meter's maximum power allows (plus one step of the last digit, the uncertainty of a drum caught turning).
/// <list type="bullet">
/// <item>The first reading is held (<see cref="ReadingRejection.Unconfirmed"/>) until a second reading is consistent with
/// it; a single misread can therefore never become the baseline.</item>
/// <item>After <see cref="RebaselineAfter"/> refused readings in a row that are consistent with each other (a replaced or
/// reset meter, or a baseline that was itself wrong), the latest becomes the new baseline, flagged as a reset.</item>
/// </list>
/// Values are in units of the register's last digit. Not thread-safe: one meter loop uses it.
/// </summary>
internal sealed class RegisterPlausibility
{
    private readonly double _unitsPerHourAtMax;
    private readonly List<(long Units, DateTimeOffset At)> _chain = [];
    private (long Units, DateTimeOffset At)? _pending;

    /// <param name="maxKilowatts">The highest power the metered load can draw.</param>
    /// <param name="unitKwh">kWh of one step of the register's last digit.</param>
    /// <param name="rebaselineAfter">Consistent refused readings in a row that make a new baseline (at least 2).</param>
    public RegisterPlausibility(double maxKilowatts, double unitKwh, int rebaselineAfter)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxKilowatts);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(unitKwh);
        ArgumentOutOfRangeException.ThrowIfLessThan(rebaselineAfter, 2);
        _unitsPerHourAtMax = maxKilowatts / unitKwh;
        RebaselineAfter = rebaselineAfter;
    }

    public int RebaselineAfter { get; }

    /// <summary>The last accepted reading, if any.</summary>
    public (long Units, DateTimeOffset At)? Last { get; private set; }

    /// <summary>Judges a parsed reading taken at <paramref name="at"/>; an accepted one becomes <see cref="Last"/>.</summary>
    public PlausibilityVerdict Check(long units, DateTimeOffset at)
    {
        if (Last is not { } last)
        {
            if (_pending is { } pending && Consistent(pending, (units, at)))
            {
                _pending = null;
                Last = (units, at);
                return new(ReadingRejection.None, false);
            }

            _pending = (units, at);
            return new(ReadingRejection.Unconfirmed, false);
        }

        var rejection = Judge(last, (units, at));
        if (rejection == ReadingRejection.None)
        {
            _chain.Clear();
            Last = (units, at);
            return new(ReadingRejection.None, false);
        }

        if (_chain.Count > 0 && !Consistent(_chain[^1], (units, at)))
        {
            _chain.Clear();
        }

        _chain.Add((units, at));
        if (_chain.Count >= RebaselineAfter)
        {
            _chain.Clear();
            Last = (units, at);
            return new(ReadingRejection.None, true);
        }

        return new(rejection, false);
    }

    /// <summary>Most the register may advance in <paramref name="elapsed"/>, in units (whole steps plus one for a turning drum).</summary>
    public long Allowance(TimeSpan elapsed) => (long)Math.Floor(_unitsPerHourAtMax * Math.Max(0, elapsed.TotalHours)) + 1;

    private ReadingRejection Judge((long Units, DateTimeOffset At) from, (long Units, DateTimeOffset At) to)
    {
        var delta = to.Units - from.Units;
        if (delta < 0)
        {
            return ReadingRejection.Backwards;
        }

        return delta > Allowance(to.At - from.At) ? ReadingRejection.TooFast : ReadingRejection.None;
    }

    private bool Consistent((long Units, DateTimeOffset At) from, (long Units, DateTimeOffset At) to) =>
        Judge(from, to) == ReadingRejection.None;
}
