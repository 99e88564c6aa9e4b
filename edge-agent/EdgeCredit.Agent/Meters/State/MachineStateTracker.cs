using Microsoft.Extensions.Logging;

namespace EdgeCredit.Agent.Meters.State;

/// <summary>
/// The state of one machine, sample by sample. Until the machine's levels are known (commissioning, then validation)
/// and for a missing sample it answers null, so a window reports no state seconds rather than wrong ones. Once
/// calibrated, every sample is classified by the model on the window of the last <see cref="MachineStateModel.Window"/>
/// samples (the start of a stream is padded with its first sample; missing samples are skipped, not filled).
/// One caller at a time (the window loop); borrows the model, which its factory owns.
/// </summary>
internal sealed class MachineStateTracker
{
    private readonly MachineStateModel _model;
    private readonly CalibrationStore? _store;
    private readonly ILogger _logger;
    private readonly Calibrator _calibrator;
    private readonly double[] _recent = new double[MachineStateModel.Window];
    private readonly float[] _window = new float[MachineStateModel.Window];
    private int _count;
    private int _head;
    private int _loggedTenths;
    private MachineCalibration? _pending;
    private LevelWatch _watch;

    public MachineStateTracker(string source, MachineStateModel model, MachineStateOptions options, CalibrationStore? store, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        Source = source;
        _model = model;
        _store = store;
        _logger = logger;
        _calibrator = new Calibrator(options);
    }

    public string Source { get; }

    public CalibrationPhase Phase { get; private set; }

    /// <summary>The levels in use; null until calibrated.</summary>
    public MachineCalibration? Calibration { get; private set; }

    /// <summary>Why the last learned levels were refused; null if none was.</summary>
    public string? LastRejection { get; private set; }

    /// <summary>Uses levels known already (stored or hand-set): no commissioning.</summary>
    public void Use(MachineCalibration calibration)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        Calibration = calibration;
        _pending = null;
        Phase = CalibrationPhase.Calibrated;
        MachineStateLog.Using(_logger, Source, calibration.Origin, calibration.OffKw, calibration.IdleKw, calibration.RunningKw);
    }

    /// <summary>The state of the sample at <paramref name="at"/>; null when it is missing or while not calibrated.</summary>
    public MachineState? Next(DateTimeOffset at, double? kilowatts)
    {
        if (kilowatts is not { } kw || !double.IsFinite(kw))
        {
            _calibrator.Gap();
            return null;
        }

        Push(Math.Max(0, kw));
        switch (Phase)
        {
            case CalibrationPhase.Calibrated:
                if (Calibration!.Origin == CalibrationOrigin.Learned && _watch.Add(kw, Calibration.RunningKw))
                {
                    Recommission(at);
                    return null;
                }

                return Predict(Calibration).State;
            case CalibrationPhase.Validating:
                Validate(at);
                return null;
            default:
                Commission(at, kw);
                return null;
        }
    }

    private void Commission(DateTimeOffset at, double kw)
    {
        _calibrator.Add(at, kw);
        var tenths = (int)(_calibrator.Progress * 10);
        if (tenths > _loggedTenths && tenths < 10)
        {
            _loggedTenths = tenths;
            MachineStateLog.Commissioning(_logger, Source, tenths * 10, _calibrator.Seen);
        }

        if (!_calibrator.CommissioningComplete)
        {
            return;
        }

        var result = _calibrator.Learn(at);
        if (result.Levels is not { } levels)
        {
            Reject(result.Rejection!);
            return;
        }

        MachineStateLog.Learned(_logger, Source, levels.OffKw, levels.IdleKw, levels.RunningKw, levels.Samples);
        _pending = levels;
        Phase = CalibrationPhase.Validating;
        Validate(at);
    }

    private void Validate(DateTimeOffset at)
    {
        var levels = _pending!;
        _calibrator.AddValidation(at, _recent[(_head + _recent.Length - 1) % _recent.Length], levels, Predict(levels));
        if (!_calibrator.ValidationComplete)
        {
            return;
        }

        var result = _calibrator.FinishValidation(levels, at);
        if (result.Levels is not { } validated)
        {
            Reject(result.Rejection!);
            return;
        }

        Calibration = validated;
        _pending = null;
        Phase = CalibrationPhase.Calibrated;
        var path = _store?.PathOf(Source) ?? "(not persisted)";
        try
        {
            _store?.Save(Source, validated);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            MachineStateLog.SaveFailed(_logger, ex, Source, path);
        }

        MachineStateLog.Validated(_logger, Source, validated.ValidationConfidence ?? 1, path);
    }

    private void Recommission(DateTimeOffset at)
    {
        var reason = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"for {LevelWatch.BlockSamples} samples up to {at:u} more than {LevelWatch.MaxHighShare:P0} of the power was above {LevelWatch.HighFactor}x the learned running level {Calibration!.RunningKw:0.###} kW: the machine changed or its levels were wrong");
        Calibration = null;
        try
        {
            _store?.Delete(Source);
        }
        catch (IOException ex)
        {
            MachineStateLog.SaveFailed(_logger, ex, Source, _store!.PathOf(Source));
        }

        Reject(reason);
    }

    private void Reject(string reason)
    {
        LastRejection = reason;
        MachineStateLog.Rejected(_logger, Source, reason);
        _pending = null;
        _loggedTenths = 0;
        _watch = default;
        _calibrator.Reset();
        Phase = CalibrationPhase.Commissioning;
    }

    private void Push(double kw)
    {
        _recent[_head] = kw;
        _head = (_head + 1) % _recent.Length;
        _count = Math.Min(_count + 1, _recent.Length);
    }

    private StatePrediction Predict(MachineCalibration levels)
    {
        // Oldest first; before the buffer is full the oldest sample stands in for the missing history.
        var scale = 1 / levels.RunningKw;
        var oldest = (_head - _count + _recent.Length) % _recent.Length;
        var pad = _recent.Length - _count;
        for (var i = 0; i < _window.Length; i++)
        {
            var k = i < pad ? oldest : (oldest + i - pad) % _recent.Length;
            _window[i] = (float)(_recent[k] * scale);
        }

        return _model.Predict(_window, levels.IdleLevel, levels.OffLevel);
    }
}
