using Microsoft.Extensions.Logging;

namespace EdgeCredit.Agent.Meters;

internal static partial class MetersLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Simulated meter {Source}: rated {RatedKw} kW, idle {IdleKw} kW, shift {ShiftStart}-{ShiftEnd} {TimeZone}, profile {Profile}")]
    public static partial void SimulatedMeter(ILogger logger, string source, double ratedKw, double idleKw, TimeOnly shiftStart, TimeOnly shiftEnd, string timeZone, MachineProfile profile);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "No meters configured (sections Simulator, Pulse, Clamp and Modbus are empty); no energy signals will be produced")]
    public static partial void NoMeters(ILogger logger);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "Meter {Source}: its loop failed; restarting it in {Delay} (its readings are flagged meanwhile)")]
    public static partial void LoopFailed(ILogger logger, Exception exception, string source, TimeSpan delay);
}
