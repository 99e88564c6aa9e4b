using Microsoft.Extensions.Logging;

namespace EdgeCredit.Agent.Meters.State;

internal static partial class MachineStateLog
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Machine state model {Path} loaded")]
    public static partial void ModelLoaded(ILogger logger, string path);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Machine {Source}: commissioning {Percent}% ({Samples} samples); no state is reported until its levels are validated")]
    public static partial void Commissioning(ILogger logger, string source, int percent, int samples);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Information, Message = "Machine {Source}: learned off <= {OffKw:0.###} kW, idle {IdleKw:0.###} kW, running {RunningKw:0.###} kW from {Samples} samples; validating")]
    public static partial void Learned(ILogger logger, string source, double offKw, double idleKw, double runningKw, int samples);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Information, Message = "Machine {Source}: levels validated (model confidence {Confidence:0.00}), saved to {Path}")]
    public static partial void Validated(ILogger logger, string source, double confidence, string path);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Warning, Message = "Machine {Source}: calibration rejected: {Reason}. Commissioning starts again")]
    public static partial void Rejected(ILogger logger, string source, string reason);

    [LoggerMessage(EventId = 2106, Level = LogLevel.Information, Message = "Machine {Source}: using {Origin} levels off <= {OffKw:0.###} kW, idle {IdleKw:0.###} kW, running {RunningKw:0.###} kW")]
    public static partial void Using(ILogger logger, string source, CalibrationOrigin origin, double offKw, double idleKw, double runningKw);

    [LoggerMessage(EventId = 2107, Level = LogLevel.Warning, Message = "Machine {Source}: stored calibration {Path} cannot be read; commissioning again")]
    public static partial void StoredUnreadable(ILogger logger, Exception exception, string source, string path);

    [LoggerMessage(EventId = 2108, Level = LogLevel.Warning, Message = "Machine {Source}: calibration could not be saved to {Path}; it holds until the agent restarts")]
    public static partial void SaveFailed(ILogger logger, Exception exception, string source, string path);
}
