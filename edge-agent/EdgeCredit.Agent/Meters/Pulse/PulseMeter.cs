using System.Device.Gpio;
using EdgeCredit.Agent.Meters.Simulation;
using EdgeCredit.Protocol;
using Microsoft.Extensions.Logging;

namespace EdgeCredit.Agent.Meters.Pulse;

/// <summary>
/// An S0 pulse meter on one GPIO input. <see cref="RunAsync"/> opens the driver (made by the factory, owned by this
/// meter through its <see cref="GpioController"/>), registers for both edges, and from then on every edge is fed to a
/// <see cref="PulseCounter"/> on the driver's event thread; each counted pulse is written to the
/// <see cref="PulseCounterStore"/> at once and fsync'd every <c>FlushInterval</c>. <see cref="ReadAsync"/> answers from
/// memory: power from pulse intervals, the register (InitialKwh + stored pulses / PulsesPerKwh), state Unknown.
/// A pin that is not on the chip, or a driver that cannot open, stops this meter only: it logs an error naming the key
/// and its readings are absent (null, a gap downstream); <see cref="RunAsync"/> then returns.
/// </summary>
internal sealed class PulseMeter : IPolledMeter, IDisposable
{
    private readonly PulseMeterSettings _settings;
    private readonly PulseMeterOptions _options;
    private readonly Func<GpioDriver> _driverFactory;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly PulseCounter _counter;
    private readonly PulsePower _power;
    private readonly SignalQuality _quality;
    private GpioController? _controller;
    private PulseCounterStore? _store;
    private PulseLedger? _ledger;
    private IDisposable? _wire;
    private long _storedAtStart;
    private bool _storeFailing;
    private bool _registered;
    private bool _disposed;

    public PulseMeter(PulseMeterSettings settings, Func<GpioDriver> driverFactory, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(driverFactory);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _settings = settings;
        _options = settings.Options;
        _driverFactory = driverFactory;
        _time = time;
        _logger = logger;
        _counter = new PulseCounter(_options.MinPulseWidth, time.TimestampFrequency);
        _power = new PulsePower(_options.PulsesPerKwh, _options.ZeroPowerAfter, time.TimestampFrequency);
        _quality = _options.Driver == GpioDriverKind.Simulated ? SignalQuality.Simulated : SignalQuality.Good;
    }

    public string Name => _options.Name;

    /// <summary>The driver once opened (tests drive a <see cref="SimulatedGpioDriver"/> through it).</summary>
    public GpioDriver? Driver { get; private set; }

    /// <summary>Cumulative pulses (stored at start + counted since), as persisted.</summary>
    public long Pulses
    {
        get
        {
            lock (_gate)
            {
                return _storedAtStart + _counter.Pulses;
            }
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!Open())
        {
            return;
        }

        var generator = StartGenerator(cancellationToken);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(_options.FlushInterval, _time, cancellationToken).ConfigureAwait(false);
                lock (_gate)
                {
                    Confirm(_time.GetTimestamp());
                    _store!.Flush();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            if (generator is not null)
            {
                await generator.ConfigureAwait(false);
            }

            Stop();
        }
    }

    public ValueTask<MeterReading?> ReadAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_store is null || _disposed)
            {
                return ValueTask.FromResult<MeterReading?>(null);
            }

            var now = _time.GetTimestamp();
            Confirm(now);
            var pulses = _storedAtStart + _counter.Pulses;
            var reading = new MeterReading(_power.KilowattsAt(now), MachineState.Unknown, _quality)
            {
                RegisterKwh = _options.InitialKwh + (pulses / _options.PulsesPerKwh),
            };
            return ValueTask.FromResult<MeterReading?>(reading);
        }
    }

    /// <summary>Opens the driver, the pin and the counter file and starts counting. False (logged) when the meter cannot run.</summary>
    internal bool Open()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (PulseInput.Open(_settings, _driverFactory, _logger) is not var (controller, driver))
        {
            return false;
        }

        var store = PulseCounterStore.Open(_settings.CounterPath, _time);
        if (store.State == CounterFileState.FellBack)
        {
            PulseLog.FellBack(_logger, Name, store.Path, store.Pulses);
        }
        else if (store.State == CounterFileState.Corrupted)
        {
            PulseLog.Corrupted(_logger, Name, store.Path, store.MovedAsideTo);
        }

        lock (_gate)
        {
            _controller = controller;
            Driver = driver;
            _store = store;
            _storedAtStart = store.Pulses;
            _counter.Start(IsActive(controller.Read(_options.Pin)), _time.GetTimestamp());
            controller.RegisterCallbackForPinValueChangedEvent(_options.Pin, PinEventTypes.Rising | PinEventTypes.Falling, OnPinChanged);
            _registered = true;
        }

        PulseLog.Started(_logger, Name, _options.Driver, _options.Chip, _options.Pin, _options.PulsesPerKwh, _options.MinPulseWidth, _options.InitialKwh + (store.Pulses / _options.PulsesPerKwh), store.Pulses, store.Path, store.State);
        return true;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        Stop();
        _controller?.Dispose();
        _store?.Dispose();
        _ledger?.Dispose();
        _wire?.Dispose();
    }

    private Task? StartGenerator(CancellationToken cancellationToken)
    {
        if (Driver is not SimulatedGpioDriver simulated || _options.Driver != GpioDriverKind.Simulated)
        {
            return null;
        }

        var simulation = _options.Simulation;
        _ledger = string.IsNullOrWhiteSpace(simulation.LedgerPath) ? null : PulseLedger.Open(simulation.LedgerPath);
        PulseLog.Generator(_logger, Name, simulation.LedgerPath, _ledger?.PreviousTotal ?? 0);
        var train = SimulatedPulses.Train(_options, _time.GetUtcNow(), _time, cancellationToken);
        _wire = train.Schedule as IDisposable;
        return simulated.RunGeneratorAsync(_options.Pin, train, _ledger, _time, cancellationToken);
    }

    private void OnPinChanged(object sender, PinValueChangedEventArgs e)
    {
        var now = _time.GetTimestamp();
        lock (_gate)
        {
            if (_registered && _counter.OnLevel(IsActive(e.ChangeType == PinEventTypes.Rising ? PinValue.High : PinValue.Low), now))
            {
                OnCounted();
            }
        }
    }

    private bool IsActive(PinValue level) => (level == PinValue.High) == (_options.ActiveLevel == PulseActiveLevel.High);

    private void Confirm(long now)
    {
        if (_counter.Poll(now))
        {
            OnCounted();
        }
    }

    private void OnCounted()
    {
        _power.OnPulse(_counter.LastPulseAt!.Value);
        try
        {
            _store!.Write(_storedAtStart + _counter.Pulses);
            _storeFailing = false;
        }
        catch (IOException ex) when (!_storeFailing)
        {
            _storeFailing = true;
            PulseLog.StoreFailed(_logger, ex, Name);
        }
        catch (IOException)
        {
            // Already reported; retried with the next pulse.
        }
    }

    private void Stop()
    {
        lock (_gate)
        {
            if (!_registered)
            {
                return;
            }

            _registered = false;
            _controller!.UnregisterCallbackForPinValueChangedEvent(_options.Pin, OnPinChanged);
            _store!.Flush();
            PulseLog.Stopped(_logger, Name, _counter.Pulses, _counter.Edges, _counter.Rejected, _store.Pulses);
        }
    }
}
