using EdgeCredit.Agent.Meters;
using EdgeCredit.Protocol;

namespace EdgeCredit.Agent.Signals;

/// <summary>
/// Aggregates the samples of one source over one window. Each sample holds for its duration (a step function),
/// so without a register the energy is the exact integral Σ kW·dt / 3600 and the state seconds add up to the
/// observed time. A meter with a cumulative register (pulse counter, Modbus kWh) reports energy as the register's
/// movement instead: the register is followed across windows, so no kWh is counted twice or lost between windows.
/// Samples the source could not deliver, and flagged samples (stale, out of range), are not observed time: they
/// never turn into zeros, and their flag is carried to the window's signals.
/// </summary>
internal sealed class WindowAccumulator
{
    /// <summary>A register that moves back by more than this share of its value was reset (or rolled over); less is a negative delta.</summary>
    public const double ResetShare = 0.5;

    private readonly RegisterTrack _register = new();
    private double _kilowattSeconds;
    private double _peakKw;
    private double _runningSeconds;
    private double _idleSeconds;
    private double _offSeconds;
    private double _observedSeconds;
    private double _stateSeconds;
    private double _missingSeconds;
    private double _ampSeconds;
    private double _ampObservedSeconds;
    private SignalQuality _quality = SignalQuality.Good;
    private SignalQuality? _missingFlag;

    public double ObservedSeconds => _observedSeconds;

    /// <summary>The register value the next window's energy starts from (the last one seen), if any.</summary>
    public double? LastRegister => _register.Last;

    /// <summary>Energy between the stored checkpoint and the first reading after a restart; see <see cref="RegisterTrack.CatchUp"/>.</summary>
    public (double Kwh, DateTimeOffset Since, SignalQuality Quality)? CatchUp => _register.CatchUp;

    /// <summary>Starts register tracking from a stored checkpoint (after a restart).</summary>
    public void SetRegisterBaseline(double kwh, DateTimeOffset at) => _register.SetBaseline(kwh, at);

    /// <summary>Adds one sample that holds for <paramref name="duration"/>, with the state the meter reported.</summary>
    public void Add(MeterReading? reading, TimeSpan duration) =>
        Add(reading, reading is { State: not MachineState.Unknown } r ? r.State : null, duration);

    /// <summary>
    /// Adds one sample that holds for <paramref name="duration"/>; null means the source did not answer.
    /// <paramref name="state"/> is the machine state for the sample, or null when it is not known (for example while
    /// the machine-state model is still calibrating): such seconds are left out of the state signals.
    /// </summary>
    public void Add(MeterReading? reading, MachineState? state, TimeSpan duration)
    {
        var seconds = duration.TotalSeconds;
        ArgumentOutOfRangeException.ThrowIfNegative(seconds);
        if (reading is not { } r)
        {
            _missingSeconds += seconds;
            return;
        }

        if (r.RegisterKwh is { } register && double.IsFinite(register) && register >= 0)
        {
            _register.Step(register);
        }

        if (!r.IsMeasurement || !double.IsFinite(r.Kilowatts) || r.Kilowatts < 0)
        {
            _missingSeconds += seconds;
            _missingFlag ??= r.IsMeasurement ? SignalQuality.OutOfRange : r.Quality;
            return;
        }

        _observedSeconds += seconds;
        _kilowattSeconds += r.Kilowatts * seconds;
        _peakKw = Math.Max(_peakKw, r.Kilowatts);
        if (r.CurrentAmps is { } amps && double.IsFinite(amps) && amps >= 0)
        {
            _ampSeconds += amps * seconds;
            _ampObservedSeconds += seconds;
        }

        if (state is { } s)
        {
            _stateSeconds += seconds;
            switch (s)
            {
                case MachineState.Running:
                    _runningSeconds += seconds;
                    break;
                case MachineState.Idle:
                    _idleSeconds += seconds;
                    break;
                default:
                    _offSeconds += seconds;
                    break;
            }
        }

        Flag(r.Quality);
    }

    /// <summary>
    /// The window's signals, or none when nothing was observed: energy, average and peak power, the state seconds
    /// (when the state was known for some of the time), the meter register and the RMS current (when reported).
    /// Quality: a register reset or negative delta in the window, else <see cref="SignalQuality.Gap"/> (or the flag of the
    /// missing samples, such as stale) when part of the window was not observed, else the samples' own flag (simulated) or good. State seconds known for only part of the observed time also carry <see cref="SignalQuality.Gap"/>.
    /// </summary>
    public IReadOnlyList<Signal> ToSignals(string source, DateTimeOffset start, DateTimeOffset end)
    {
        var energyKwh = _register.WindowEnergy;
        if (_observedSeconds <= 0 && energyKwh is null)
        {
            return [];
        }

        var quality = _register.WindowFlag
            ?? (_missingSeconds > 0 ? _missingFlag ?? SignalQuality.Gap : _quality);
        var windowSeconds = (end - start).TotalSeconds;
        var signals = new List<Signal>(8);
        void Add(SignalKind kind, double value, SignalQuality q) => signals.Add(new Signal
        {
            Start = start,
            End = end,
            Source = source,
            Kind = kind,
            Value = value,
            Unit = SignalVocabulary.UnitOf(kind),
            Quality = q,
        });

        if (energyKwh is { } registerEnergy)
        {
            Add(SignalKind.Energy, Math.Round(registerEnergy, 6), quality);
            Add(SignalKind.MeterRegister, Math.Round(_register.Last!.Value, 6), quality);
        }
        else
        {
            Add(SignalKind.Energy, Math.Round(_kilowattSeconds / 3600, 6), quality);
        }

        if (_observedSeconds > 0)
        {
            Add(SignalKind.PowerAvg, Math.Round(_kilowattSeconds / _observedSeconds, 4), quality);
            Add(SignalKind.PowerPeak, Math.Round(_peakKw, 4), quality);
        }

        if (_stateSeconds > 0)
        {
            var stateQuality = quality == SignalQuality.Good && _stateSeconds < _observedSeconds ? SignalQuality.Gap : quality;
            Add(SignalKind.RunningSeconds, Seconds(_runningSeconds, windowSeconds), stateQuality);
            Add(SignalKind.IdleSeconds, Seconds(_idleSeconds, windowSeconds), stateQuality);
            Add(SignalKind.OffSeconds, Seconds(_offSeconds, windowSeconds), stateQuality);
        }

        if (_ampObservedSeconds > 0)
        {
            Add(SignalKind.CurrentRms, Math.Round(_ampSeconds / _ampObservedSeconds, 4), quality);
        }

        return signals;
    }

    /// <summary>Clears the window's sums; the register position carries over to the next window.</summary>
    public void Reset()
    {
        _kilowattSeconds = _peakKw = _runningSeconds = _idleSeconds = _offSeconds = 0;
        _observedSeconds = _stateSeconds = _missingSeconds = _ampSeconds = _ampObservedSeconds = 0;
        _quality = SignalQuality.Good;
        _missingFlag = null;
        _register.StartWindow();
    }

    private void Flag(SignalQuality quality)
    {
        if (quality != SignalQuality.Good && _quality == SignalQuality.Good)
        {
            _quality = quality;
        }
    }

    private static double Seconds(double value, double windowSeconds) => Math.Min(Math.Round(value, 3), windowSeconds);
}
