using Microsoft.Extensions.Logging;

namespace EdgeCredit.Agent.Meters.Modbus;

/// <summary>
/// Counters of one Modbus meter and its state (answering / failing), logging each change once: the first answer,
/// the first failure of a run of failures (an unreachable endpoint as an error naming the key and the fix), and the
/// recovery. Updated by the meter's poll loop only; <see cref="Snapshot"/> may be called from any thread.
/// </summary>
internal sealed class ModbusMeterHealth
{
    private readonly ModbusMeterSetup _setup;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private long _polls;
    private long _good;
    private long _timeouts;
    private long _protocolErrors;
    private long _exceptionResponses;
    private long _connectionFailures;
    private long _outOfRange;
    private long _skipped;
    private long _lastGoodTicks;
    private int _lastOutcome;
    private string? _lastError;
    private bool _answered;
    private bool _failing;
    private long _failedInRow;
    private DateTimeOffset _failingSince;

    public ModbusMeterHealth(ModbusMeterSetup setup, TimeProvider timeProvider, ILogger logger)
    {
        _setup = setup;
        _time = timeProvider;
        _logger = logger;
    }

    private ModbusMeterOptions Meter => _setup.Meter;

    public ModbusPollOutcome Answered(bool plausible, DateTimeOffset at)
    {
        Interlocked.Increment(ref _polls);
        var outcome = plausible ? ModbusPollOutcome.Good : ModbusPollOutcome.OutOfRange;
        if (plausible)
        {
            Interlocked.Increment(ref _good);
            Interlocked.Exchange(ref _lastGoodTicks, at.UtcTicks);
        }
        else
        {
            Interlocked.Increment(ref _outOfRange);
        }

        Volatile.Write(ref _lastOutcome, (int)outcome);
        if (!_answered)
        {
            _answered = true;
            ModbusLog.FirstAnswer(_logger, Meter.Name, Meter.Endpoint, Meter.UnitId);
        }

        if (_failing)
        {
            _failing = false;
            ModbusLog.Recovered(_logger, Meter.Name, Meter.Endpoint, Meter.UnitId, _failedInRow, at - _failingSince);
        }

        _failedInRow = 0;
        return outcome;
    }

    public ModbusPollOutcome Failed(ModbusException error)
    {
        Interlocked.Increment(ref _polls);
        var outcome = error switch
        {
            ModbusTimeoutException => ModbusPollOutcome.Timeout,
            ModbusProtocolException => ModbusPollOutcome.ProtocolError,
            ModbusExceptionResponse => ModbusPollOutcome.ExceptionResponse,
            _ => ModbusPollOutcome.ConnectionFailed,
        };
        switch (outcome)
        {
            case ModbusPollOutcome.Timeout:
                Interlocked.Increment(ref _timeouts);
                break;
            case ModbusPollOutcome.ProtocolError:
                Interlocked.Increment(ref _protocolErrors);
                break;
            case ModbusPollOutcome.ExceptionResponse:
                Interlocked.Increment(ref _exceptionResponses);
                break;
            default:
                Interlocked.Increment(ref _connectionFailures);
                break;
        }

        Volatile.Write(ref _lastOutcome, (int)outcome);
        Volatile.Write(ref _lastError, error.Message);
        _failedInRow++;
        if (!_failing)
        {
            _failing = true;
            _failingSince = _time.GetUtcNow();
            if (outcome == ModbusPollOutcome.ConnectionFailed || (!_answered && outcome == ModbusPollOutcome.Timeout))
            {
                ModbusLog.Unreachable(_logger, Meter.Name, Meter.Endpoint, $"{_setup.ConfigKey}:Host/Port", error.Message, Meter.Port);
            }
            else
            {
                ModbusLog.Failing(_logger, Meter.Name, Meter.Endpoint, Meter.UnitId, outcome, error.Message, Hint(error), Meter.EffectiveStaleAfter);
            }
        }

        return outcome;
    }

    public void Skipped(long count)
    {
        Interlocked.Add(ref _skipped, count);
        ModbusLog.Skipped(_logger, Meter.Name, count);
    }

    public ModbusMeterStats Snapshot(long connects)
    {
        var lastGood = Interlocked.Read(ref _lastGoodTicks);
        return new ModbusMeterStats(
            Interlocked.Read(ref _polls),
            Interlocked.Read(ref _good),
            Interlocked.Read(ref _timeouts),
            Interlocked.Read(ref _protocolErrors),
            Interlocked.Read(ref _exceptionResponses),
            Interlocked.Read(ref _connectionFailures),
            Interlocked.Read(ref _outOfRange),
            Math.Max(0, connects - 1),
            Interlocked.Read(ref _skipped),
            (ModbusPollOutcome)Volatile.Read(ref _lastOutcome),
            lastGood == 0 ? null : new DateTimeOffset(lastGood, TimeSpan.Zero),
            Volatile.Read(ref _lastError));
    }

    private string Hint(ModbusException error) => error switch
    {
        ModbusTimeoutException => $"Check that unit id {Meter.UnitId} ({_setup.ConfigKey}:UnitId) is the meter's address and that it is powered; raise {_setup.ConfigKey}:Timeout if it is slow",
        ModbusProtocolException => "The device at this address does not answer like a Modbus TCP slave (or another master shares its connection); check Host and Port",
        ModbusExceptionResponse => $"Check the register map of model {Meter.Model} (Modbus:Models:{Meter.Model}) against the meter's data sheet",
        _ => "The connection is reopened at the next poll",
    };
}
