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
}
