using EdgeCredit.Agent.Meters;
using EdgeCredit.Protocol;

namespace EdgeCredit.Agent.Signals;

/// <summary>
/// Aggregates the samples of one source over one window. Each sample holds for its duration (a step function),
/// so energy is the exact integral Σ kW·dt / 3600 and the state seconds add up to the observed time.
/// Samples the source could not deliver are not observed time: they never turn into zeros.
/// </summary>
internal sealed class WindowAccumulator
{
    private double _kilowattSeconds;
    private double _peakKw;
    private double _runningSeconds;
    private double _idleSeconds;
    private double _offSeconds;
    private double _observedSeconds;
    private double _missingSeconds;
    private SignalQuality _quality = SignalQuality.Good;

    public double ObservedSeconds => _observedSeconds;

    /// <summary>Adds one sample that holds for <paramref name="duration"/>; null means the source did not answer.</summary>
    public void Add(MeterReading? reading, TimeSpan duration)
    {
        var seconds = duration.TotalSeconds;
        ArgumentOutOfRangeException.ThrowIfNegative(seconds);
        if (reading is not { } r || !double.IsFinite(r.Kilowatts) || r.Kilowatts < 0)
        {
            _missingSeconds += seconds;
            return;
        }

        _observedSeconds += seconds;
        _kilowattSeconds += r.Kilowatts * seconds;
        _peakKw = Math.Max(_peakKw, r.Kilowatts);
        switch (r.State)
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

        if (r.Quality != SignalQuality.Good && _quality == SignalQuality.Good)
        {
            _quality = r.Quality;
        }
    }

    /// <summary>
    /// The six energy signals of the window, or none when nothing was observed. A window with missing samples
    /// carries quality <see cref="SignalQuality.Gap"/> and values that cover only the observed part.
    /// </summary>
    public IReadOnlyList<Signal> ToSignals(string source, DateTimeOffset start, DateTimeOffset end)
    {
        if (_observedSeconds <= 0)
        {
            return [];
        }

        var quality = _missingSeconds > 0 ? SignalQuality.Gap : _quality;
        var windowSeconds = (end - start).TotalSeconds;
        Signal Make(SignalKind kind, double value) => new()
        {
            Start = start,
            End = end,
            Source = source,
            Kind = kind,
            Value = value,
            Unit = SignalVocabulary.UnitOf(kind),
            Quality = quality,
        };

        return
        [
            Make(SignalKind.Energy, Math.Round(_kilowattSeconds / 3600, 6)),
            Make(SignalKind.PowerAvg, Math.Round(_kilowattSeconds / _observedSeconds, 4)),
            Make(SignalKind.PowerPeak, Math.Round(_peakKw, 4)),
            Make(SignalKind.RunningSeconds, Seconds(_runningSeconds, windowSeconds)),
            Make(SignalKind.IdleSeconds, Seconds(_idleSeconds, windowSeconds)),
            Make(SignalKind.OffSeconds, Seconds(_offSeconds, windowSeconds)),
        ];
    }

    public void Reset()
    {
        _kilowattSeconds = _peakKw = _runningSeconds = _idleSeconds = _offSeconds = _observedSeconds = _missingSeconds = 0;
        _quality = SignalQuality.Good;
    }

    private static double Seconds(double value, double windowSeconds) => Math.Min(Math.Round(value, 3), windowSeconds);
}
