using Microsoft.Extensions.Logging;

namespace EdgeCredit.Agent.Meters.Modbus;

internal static partial class ModbusLog
{
    [LoggerMessage(EventId = 2401, Level = LogLevel.Information, Message = "Modbus meter {Source}: {Endpoint} unit {UnitId}, model {Model} ({Points} points in {Requests} requests), poll every {PollInterval}, timeout {Timeout}, stale after {StaleAfter}")]
    public static partial void Configured(ILogger logger, string source, string endpoint, int unitId, string model, int points, int requests, TimeSpan pollInterval, TimeSpan timeout, TimeSpan staleAfter);

    [LoggerMessage(EventId = 2402, Level = LogLevel.Information, Message = "Modbus endpoint {Endpoint} serves {Count} meters ({Sources}); each has its own connection, so a dead slave delays only its own polls (the gateway must allow {Count} connections)")]
    public static partial void SharedEndpoint(ILogger logger, string endpoint, int count, string sources);

    [LoggerMessage(EventId = 2403, Level = LogLevel.Information, Message = "Modbus meter {Source} ({Endpoint} unit {UnitId}) answers")]
    public static partial void FirstAnswer(ILogger logger, string source, string endpoint, int unitId);

    [LoggerMessage(EventId = 2404, Level = LogLevel.Error, Message = "Modbus meter {Source}: cannot reach {Endpoint} ({Key}): {Error}. Check that the meter or gateway is powered and on the network, that Host and Port are right and port {Port} is open; its readings are flagged gap/stale until it answers")]
    public static partial void Unreachable(ILogger logger, string source, string endpoint, string key, string error, int port);

    [LoggerMessage(EventId = 2405, Level = LogLevel.Warning, Message = "Modbus meter {Source} ({Endpoint} unit {UnitId}) failing: {Outcome}: {Error}. {Hint}; its readings turn stale after {StaleAfter} without a good poll")]
    public static partial void Failing(ILogger logger, string source, string endpoint, int unitId, ModbusPollOutcome outcome, string error, string hint, TimeSpan staleAfter);

    [LoggerMessage(EventId = 2406, Level = LogLevel.Information, Message = "Modbus meter {Source} ({Endpoint} unit {UnitId}) recovered after {FailedPolls} failed polls ({Duration})")]
    public static partial void Recovered(ILogger logger, string source, string endpoint, int unitId, long failedPolls, TimeSpan duration);

    [LoggerMessage(EventId = 2407, Level = LogLevel.Warning, Message = "Modbus meter {Source}: {Quantity} at {Function} register {Address} reads {Value}, outside its plausible range {Min}..{Max} (Modbus:Models:{Model}); readings are flagged out_of_range until it is plausible again. Check Type, WordOrder and Scale against the data sheet")]
    public static partial void OutOfRange(ILogger logger, string source, ModbusQuantity quantity, ModbusFunction function, int address, double value, double min, double max, string model);

    [LoggerMessage(EventId = 2408, Level = LogLevel.Information, Message = "Modbus meter {Source}: values plausible again")]
    public static partial void InRange(ILogger logger, string source);

    [LoggerMessage(EventId = 2409, Level = LogLevel.Warning, Message = "Modbus meter {Source}: energy register went back from {PreviousKwh} kWh to {Kwh} kWh (meter reset or replaced?); reading flagged negative_delta")]
    public static partial void EnergyBackwards(ILogger logger, string source, double previousKwh, double kwh);

    [LoggerMessage(EventId = 2410, Level = LogLevel.Debug, Message = "Modbus meter {Source}: {Skipped} polls skipped, the previous poll ran past their start")]
    public static partial void Skipped(ILogger logger, string source, long skipped);
}
