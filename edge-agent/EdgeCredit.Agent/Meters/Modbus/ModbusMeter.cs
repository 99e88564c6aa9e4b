using EdgeCredit.Protocol;
using Microsoft.Extensions.Logging;

namespace EdgeCredit.Agent.Meters.Modbus;

/// <summary>
/// A power meter read over Modbus TCP. <see cref="RunAsync"/> polls it on a fixed-rate schedule (UTC multiples of
/// PollInterval, so the schedule never drifts; after a poll that overran, the tick due now starts at once and the
/// ticks missed entirely are skipped and counted) over its own
/// connection; <see cref="ReadAsync"/> answers at once from the last poll. Quality of a reading: <c>gap</c> before
/// the first answer, <c>stale</c> (0 kW) when no poll answered for StaleAfter, <c>out_of_range</c> (0 kW, no register)
/// when a value was not finite or outside its Min/Max, <c>negative_delta</c> when the energy register went back by
/// more than the tolerance, else <c>good</c>. A failed poll keeps the last answer until it turns stale.
/// </summary>
internal sealed class ModbusMeter : IPolledMeter, IDisposable
{
    private readonly ModbusMeterOptions _options;
    private readonly ModbusReadPlan _plan;
    private readonly ModbusReadingBuilder _builder;
    private readonly ModbusTcpClient _client;
    private readonly ModbusMeterHealth _health;
    private readonly TimeProvider _time;
    private readonly ushort[] _registers;
    private readonly double[] _values;
    private volatile Sample? _latest;

    public ModbusMeter(ModbusMeterSetup setup, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _options = setup.Meter;
        _time = timeProvider;
        _plan = ModbusReadPlan.For(setup.Model);
        _builder = new ModbusReadingBuilder(setup, logger);
        _client = new ModbusTcpClient(_options.Host, _options.Port, _options.Timeout, timeProvider);
        _health = new ModbusMeterHealth(setup, timeProvider, logger);
        _registers = new ushort[_plan.Registers];
        _values = new double[_plan.Points.Count];
    }

    public string Name => _options.Name;

    public ModbusReadPlan Plan => _plan;

    /// <summary>Called at the start of every scheduled poll with how late it started against its tick (benchmarks).</summary>
    internal Action<TimeSpan>? PollStarted { get; set; }

    public ValueTask<MeterReading?> ReadAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var staleAfter = _options.EffectiveStaleAfter;
        if (now - at > staleAfter)
        {
            return ValueTask.FromResult<MeterReading?>(null);
        }

        var latest = _latest;
        MeterReading reading = latest switch
        {
            null => new(0, MachineState.Unknown, SignalQuality.Gap),
            _ when now - latest.At > staleAfter => new(0, MachineState.Unknown, SignalQuality.Stale),
            _ => latest.Reading,
        };
        return ValueTask.FromResult<MeterReading?>(reading);
    }

    public ModbusMeterStats Snapshot() => _health.Snapshot(_client.Connects);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var intervalTicks = _options.PollInterval.Ticks;
        var next = NextTick(_time.GetUtcNow(), intervalTicks);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var wait = next - _time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                }

                PollStarted?.Invoke(_time.GetUtcNow() - next);
                await PollOnceAsync(cancellationToken).ConfigureAwait(false);
                next = next.AddTicks(intervalTicks);
                var now = _time.GetUtcNow();
                if (now - next >= _options.PollInterval)
                {
                    // The poll ran past whole ticks: skip those, start the one due now at once (late).
                    var due = NextTick(now, intervalTicks).AddTicks(-intervalTicks);
                    _health.Skipped((due - next).Ticks / intervalTicks);
                    next = due;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>Polls once: reads every block, and on an answer stores the new reading.</summary>
    public async Task<ModbusPollOutcome> PollOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _plan.ReadAsync(_client, (byte)_options.UnitId, _registers, cancellationToken).ConfigureAwait(false);
        }
        catch (ModbusException e)
        {
            return _health.Failed(e);
        }

        var at = _time.GetUtcNow();
        _plan.Decode(_registers, _values);
        var reading = _builder.Build(_values);
        _latest = new Sample(reading, at);
        return _health.Answered(reading.Quality != SignalQuality.OutOfRange, at);
    }

    public void Dispose() => _client.Dispose();

    /// <summary>The first UTC multiple of the interval after <paramref name="now"/>.</summary>
    internal static DateTimeOffset NextTick(DateTimeOffset now, long intervalTicks) =>
        new(((now.UtcTicks / intervalTicks) + 1) * intervalTicks, TimeSpan.Zero);

    private sealed record Sample(MeterReading Reading, DateTimeOffset At);
}
