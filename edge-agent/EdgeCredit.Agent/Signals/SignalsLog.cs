using Microsoft.Extensions.Logging;

namespace EdgeCredit.Agent.Signals;

internal static partial class SignalsLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Signals: window {Window}, sampling {Sources} sources every {SampleInterval}; the partial window now running is skipped, the first window starts at {FirstWindow:O}")]
    public static partial void Starting(ILogger logger, TimeSpan window, int sources, TimeSpan sampleInterval, DateTimeOffset firstWindow);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Debug, Message = "Window {Start:O} stored as sequence {Sequence} with {Signals} signals")]
    public static partial void Stored(ILogger logger, DateTimeOffset start, long sequence, int signals);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Window {Start:O}: no source reported anything; nothing is sent for it")]
    public static partial void NothingObserved(ILogger logger, DateTimeOffset start);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "Window {Start:O}: the batch failed the protocol check ({Reason}: {Detail}); it is not stored")]
    public static partial void Rejected(ILogger logger, DateTimeOffset start, string reason, string? detail);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Error, Message = "Window {Start:O}: writing to the outbox failed; retrying in {Delay}")]
    public static partial void StoreFailed(ILogger logger, Exception exception, DateTimeOffset start, TimeSpan delay);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Meter {Source} failed to read at {At:O}; the sample counts as not observed")]
    public static partial void ReadFailed(ILogger logger, Exception exception, string source, DateTimeOffset at);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Information, Message = "Meter {Source}: energy register resumes from the checkpoint {Kwh} kWh stored with the window ending {At:O}")]
    public static partial void RegisterResumed(ILogger logger, string source, double kwh, DateTimeOffset at);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Warning, Message = "Meter {Source}: {Kwh} kWh moved on the register between {Since:O} and {Until:O}; the span is outside 1 s..1 h, so it is reported only through meter_register, not as a window's energy")]
    public static partial void CatchUpNotReported(ILogger logger, string source, double kwh, DateTimeOffset since, DateTimeOffset until);
}
