using EdgeCredit.Protocol;

namespace EdgeCredit.Agent.Signals;

/// <summary>
/// Follows one meter's cumulative energy register across windows. Every step between two readings adds its
/// increase to the current window; a register that falls below half its last value was reset or rolled over (the
/// energy since the reset is its new value), a smaller fall is a negative delta (nothing is added). After a restart
/// the track starts from the checkpoint stored with the last batch, and the register's movement from that
/// checkpoint to the first reading is kept apart as catch-up energy, because it belongs before the first window.
/// </summary>
internal sealed class RegisterTrack
{
    private double? _windowEnergy;
    private SignalQuality? _windowFlag;
    private DateTimeOffset? _baselineAt;

    /// <summary>The last register value seen (or the checkpoint before any reading).</summary>
    public double? Last { get; private set; }

    /// <summary>Energy between the checkpoint and the first reading after a restart, with the time the checkpoint was taken.</summary>
    public (double Kwh, DateTimeOffset Since, SignalQuality Quality)? CatchUp { get; private set; }

    /// <summary>Flag raised by the steps of the current window (counter reset or negative delta), if any.</summary>
    public SignalQuality? WindowFlag => _windowFlag;

    public void SetBaseline(double kwh, DateTimeOffset at)
    {
        Last = kwh;
        _baselineAt = at;
    }

    /// <summary>Adds a reading of the register.</summary>
    public void Step(double value)
    {
        if (Last is not { } last)
        {
            Last = value;
            _windowEnergy ??= 0;
            return;
        }

        var (delta, flag) = value >= last ? (value - last, (SignalQuality?)null)
            : value < last * (1 - WindowAccumulator.ResetShare) ? (value, SignalQuality.CounterReset)
            : (0.0, SignalQuality.NegativeDelta);
        Last = value;
        if (_baselineAt is { } since)
        {
            _baselineAt = null;
            CatchUp = (delta, since, flag ?? SignalQuality.Gap);
            _windowEnergy ??= 0;
            return;
        }

        _windowEnergy = (_windowEnergy ?? 0) + delta;
        _windowFlag ??= flag;
    }

    /// <summary>The energy the register moved in this window, or null when no register reading arrived in it.</summary>
    public double? WindowEnergy => _windowEnergy;

    /// <summary>Clears the window's energy and flag and the catch-up (the caller has reported them); keeps the position.</summary>
    public void StartWindow()
    {
        _windowEnergy = null;
        _windowFlag = null;
        CatchUp = null;
    }
}
