using Microsoft.Extensions.Logging;

namespace EdgeCredit.Agent.Meters;

internal static partial class MetersLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Simulated meter {Source}: rated {RatedKw} kW, idle {IdleKw} kW, shift {ShiftStart}-{ShiftEnd} {TimeZone}, profile {Profile}")]
    public static partial void SimulatedMeter(ILogger logger, string source, double ratedKw, double idleKw, TimeOnly shiftStart, TimeOnly shiftEnd, string timeZone, MachineProfile profile);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "No meters configured (Simulator:Machines is empty); no energy signals will be produced")]
    public static partial void NoMeters(ILogger logger);
}
