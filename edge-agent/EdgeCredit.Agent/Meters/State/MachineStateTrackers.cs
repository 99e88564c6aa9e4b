using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace EdgeCredit.Agent.Meters.State;

/// <summary>
/// One <see cref="MachineStateTracker"/> per source, created on first use: with the hand-set levels from
/// <c>MachineState:Overrides</c>, else with the calibration stored by an earlier run, else commissioning from scratch.
/// Owns the model (and its ONNX Runtime session) that all trackers share.
/// </summary>
internal sealed class MachineStateTrackers : IMachineStateResolver, IDisposable
{
    private readonly ConcurrentDictionary<string, MachineStateTracker> _trackers = new(StringComparer.Ordinal);
    private readonly MachineStateModel _model;
    private readonly MachineStateOptions _options;
    private readonly CalibrationStore? _store;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;

    public MachineStateTrackers(MachineStateModel model, MachineStateOptions options, CalibrationStore? store, TimeProvider time, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggers);
        _model = model;
        _options = options;
        _store = store;
        _time = time;
        _loggers = loggers;
        _logger = loggers.CreateLogger<MachineStateTracker>();
        MachineStateLog.ModelLoaded(_logger, model.Path);
    }

    public MachineStateModel Model => _model;

    /// <summary>The tracker of <paramref name="source"/>.</summary>
    public MachineStateTracker For(string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        return _trackers.GetOrAdd(source, Create);
    }

    /// <inheritdoc/>
    public MachineState? Next(string source, DateTimeOffset at, double? kilowatts) => For(source).Next(at, kilowatts);

    public void Dispose() => _model.Dispose();

    private MachineStateTracker Create(string source)
    {
        var tracker = new MachineStateTracker(source, _model, _options, _store, _loggers.CreateLogger<MachineStateTracker>());
        if (_options.Overrides.TryGetValue(source, out var levels))
        {
            tracker.Use(MachineCalibration.From(levels, _time.GetUtcNow()));
            return tracker;
        }

        try
        {
            if (_store?.Load(source) is { } stored)
            {
                tracker.Use(stored);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            MachineStateLog.StoredUnreadable(_logger, ex, source, _store!.PathOf(source));
        }

        return tracker;
    }
}
