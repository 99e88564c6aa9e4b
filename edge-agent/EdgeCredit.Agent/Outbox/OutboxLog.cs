using Microsoft.Extensions.Logging;

namespace EdgeCredit.Agent.Outbox;

internal static partial class OutboxLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Outbox {Path} created; sequence numbers start at {FirstSequence}")]
    public static partial void Created(ILogger logger, string path, long firstSequence);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Outbox {Path} opened: {Depth} batches ({Bytes} bytes) waiting, next sequence {NextSequence}, {Dropped} dropped so far")]
    public static partial void Opened(ILogger logger, string path, long depth, long bytes, long nextSequence, long dropped);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Outbox over its cap of {MaxBytes} bytes: dropped {Count} oldest batches (sequences {FirstDropped}..{LastDropped}); {TotalDropped} dropped in total")]
    public static partial void DroppedOldest(ILogger logger, long maxBytes, int count, long firstDropped, long lastDropped, long totalDropped);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Error, Message = "Outbox batch {Sequence} moved to quarantine: {Reason}")]
    public static partial void Quarantined(ILogger logger, long sequence, string reason);
}
