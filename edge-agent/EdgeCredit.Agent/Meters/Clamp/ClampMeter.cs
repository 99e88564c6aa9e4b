using System.Device.I2c;
using EdgeCredit.Protocol;
using Iot.Device.Ads1115;
using Microsoft.Extensions.Logging;

namespace EdgeCredit.Agent.Meters.Clamp;

/// <summary>
/// A current clamp on an ADS1115 input, read with the <see cref="Ads1115"/> binding in continuous mode.
/// <see cref="RunAsync"/> reads the conversion register at the sample rate (paced by <see cref="TimeProvider"/>; when
/// the loop is late it samples at once and does not try to catch up), feeds a <see cref="ClampSampler"/> and keeps the
/// latest completed second. <see cref="ReadAsync"/> answers from memory: RMS current, kW = phases × V × I × PF / 1000,
/// state Unknown, quality Good (Simulated for a simulated ADC), OutOfRange when the ADC saturated in that second or the
/// current exceeds MaxAmps, Stale when no second completed for StaleAfter, null before the first second.
/// A device that cannot be opened stops this meter only (error naming the keys; its readings are absent).
/// </summary>
internal sealed class ClampMeter : IPolledMeter, IDisposable
{
    private readonly ClampMeterSettings _settings;
    private readonly ClampMeterOptions _options;
    private readonly Func<I2cDevice> _deviceFactory;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ClampSampler _sampler;
    private readonly Lock _gate = new();
    private readonly SignalQuality _measured;
    private Ads1115? _adc;
    private double _fullScale;
    private ClampSecond? _latest;
    private DateTimeOffset _latestAt;
    private int _failures;
    private bool _outOfRange;
    private bool _disposed;

    public ClampMeter(ClampMeterSettings settings, Func<I2cDevice> deviceFactory, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(deviceFactory);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _settings = settings;
        _options = settings.Options;
        _deviceFactory = deviceFactory;
        _time = time;
        _logger = logger;
        // A second must be covered by samples for 0.9 s less one sample interval (0.775 s at 8 SPS, 0.899 s at 860).
        _sampler = new ClampSampler(_options.AmpsPerVolt, TimeSpan.FromSeconds(0.9 - (1 / settings.EffectiveSampleRate)));
        _measured = _options.Driver == ClampDriverKind.Simulated ? SignalQuality.Simulated : SignalQuality.Good;
    }

    public string Name => _options.Name;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!Open())
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(1 / _settings.EffectiveSampleRate);
        var next = _time.GetUtcNow();
        while (!cancellationToken.IsCancellationRequested)
        {
            if (!SampleOnce())
            {
                // A failed read (I2C error): back off a little instead of spinning on a dead bus.
                next = _time.GetUtcNow() + TimeSpan.FromMilliseconds(100);
            }
            else
            {
                next += interval;
            }

            var wait = next - _time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
            }
            else if (wait < -interval)
            {
                // Late: sample now, do not burst to catch up.
                next = _time.GetUtcNow();
            }
        }
    }

    public ValueTask<MeterReading?> ReadAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_latest is not { } second)
            {
                return ValueTask.FromResult<MeterReading?>(null);
            }

            var quality = _time.GetUtcNow() - _latestAt > _options.StaleAfter ? SignalQuality.Stale
                : IsOutOfRange(second) ? SignalQuality.OutOfRange
                : _measured;
            var reading = new MeterReading(_settings.Kilowatts(second.RmsAmps), MachineState.Unknown, quality) { CurrentAmps = second.RmsAmps };
            return ValueTask.FromResult<MeterReading?>(reading);
        }
    }

    /// <summary>Creates the device and configures the ADC (continuous mode). False (logged) when it cannot.</summary>
    internal bool Open()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            var device = _deviceFactory();
            try
            {
                _adc = new Ads1115(device, _options.Channel, _options.MeasuringRange, _options.DataRate, DeviceMode.Continuous);
            }
            catch
            {
                device.Dispose();
                throw;
            }

            _fullScale = _adc.MaxVoltageFromMeasuringRange(_options.MeasuringRange).Volts;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or TimeoutException or PlatformNotSupportedException or DllNotFoundException or InvalidOperationException or ArgumentException)
        {
            ClampLog.OpenFailed(_logger, Name, _settings.Key(nameof(ClampMeterOptions.Bus)), _options.Bus, _settings.Key(nameof(ClampMeterOptions.Address)), _options.Address, ex.Message);
            return false;
        }

        ClampLog.Started(_logger, Name, _options.Driver, _options.Bus, _options.Address, _options.Channel, _options.MeasuringRange, _options.DataRate, _settings.EffectiveSampleRate, _options.AmpsPerVolt, _options.Phases, _options.Voltage, _options.PowerFactor);
        return true;
    }

    /// <summary>Reads one conversion and adds it to the current second. False when the read failed.</summary>
    internal bool SampleOnce()
    {
        short raw;
        try
        {
            raw = _adc!.ReadRaw();
            _failures = 0;
        }
        catch (Exception ex) when (ex is IOException or TimeoutException)
        {
            if (++_failures is 1 or 100 or 10_000)
            {
                ClampLog.ReadFailed(_logger, ex, Name, _failures, _options.StaleAfter);
            }

            return false;
        }

        var now = _time.GetUtcNow();
        var completed = _sampler.Add(now, raw * _fullScale / 32768, raw is short.MaxValue or short.MinValue);
        if (completed is { } second)
        {
            lock (_gate)
            {
                _latest = second;
                _latestAt = now;
            }

            // Logged when the meter goes out of range, not every second it stays there.
            var outOfRange = IsOutOfRange(second);
            if (outOfRange && !_outOfRange)
            {
                ClampLog.OutOfRange(_logger, Name, second.UnixSecond, second.RmsAmps, second.Saturated);
            }

            _outOfRange = outOfRange;
        }

        return true;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _adc?.Dispose();
    }

    private bool IsOutOfRange(ClampSecond second) =>
        second.Saturated || !double.IsFinite(second.RmsAmps) || second.RmsAmps > _options.MaxAmps;
}
