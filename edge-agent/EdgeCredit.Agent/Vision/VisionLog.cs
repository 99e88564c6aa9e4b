using Microsoft.Extensions.Logging;

namespace EdgeCredit.Agent.Vision;

internal static partial class VisionLog
{
    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Camera {Camera}: analysing {Regions} regions ({Masks} privacy masks), reference {Reference}")]
    public static partial void Analysing(ILogger logger, string camera, int regions, int masks, string reference);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning, Message = "Camera {Camera}: condition {Condition} since {Since:o} (confidence {Confidence})")]
    public static partial void ConditionStarted(ILogger logger, string camera, CameraCondition condition, DateTimeOffset since, double confidence);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Information, Message = "Camera {Camera}: condition {Condition} ended at {Until:o} (since {Since:o})")]
    public static partial void ConditionEnded(ILogger logger, string camera, CameraCondition condition, DateTimeOffset? until, DateTimeOffset since);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Information, Message = "Camera {Camera}: no commissioning reference; adopted the picture at {At:o} as the reference for moved and defocused")]
    public static partial void ReferenceAdopted(ILogger logger, string camera, DateTimeOffset at);

    [LoggerMessage(EventId = 6105, Level = LogLevel.Error, Message = "Camera {Camera}: the reference in {Directory} could not be read; moved and defocused wait for an adopted one")]
    public static partial void ReferenceUnreadable(ILogger logger, Exception exception, string camera, string directory);

    [LoggerMessage(EventId = 6106, Level = LogLevel.Error, Message = "Camera {Camera}: analysing frame {Index} failed; the frame is skipped")]
    public static partial void FrameFailed(ILogger logger, Exception exception, string camera, long index);

    [LoggerMessage(EventId = 6107, Level = LogLevel.Information, Message = "Camera {Camera}, region {Region}: {State} since {At:o}")]
    public static partial void RegionChanged(ILogger logger, string camera, string region, string state, DateTimeOffset at);

    [LoggerMessage(EventId = 6109, Level = LogLevel.Information, Message = "Camera {Camera}: adopted reference saved in {Directory}; later starts compare against it (run commission to replace it)")]
    public static partial void ReferenceSaved(ILogger logger, string camera, string directory);

    [LoggerMessage(EventId = 6110, Level = LogLevel.Error, Message = "Camera {Camera}: the adopted reference could not be saved in {Directory}; a restart adopts a new one, so a move while stopped would go unseen. Fix: make the directory writable or set Vision:ReferenceDirectory")]
    public static partial void ReferenceNotSaved(ILogger logger, Exception exception, string camera, string directory);

    [LoggerMessage(EventId = 6108, Level = LogLevel.Warning, Message = "Camera {Camera}: reference is {ReferenceWidth}x{ReferenceHeight}, the analysis thumbnail {Width}x{Height} (another aspect ratio); capture a new reference")]
    public static partial void ReferenceSizeMismatch(ILogger logger, string camera, int referenceWidth, int referenceHeight, int width, int height);

    [LoggerMessage(EventId = 6121, Level = LogLevel.Information, Message = "Camera {Camera}: counting with model {Model} on {Conveyors} conveyor(s) and {Stations} station(s)")]
    public static partial void Counting(ILogger logger, string camera, string model, int conveyors, int stations);

    [LoggerMessage(EventId = 6122, Level = LogLevel.Information, Message = "Camera {Camera}: people found by model {Model} hide what is behind them from machines and conveyors")]
    public static partial void HidingPeople(ILogger logger, string camera, string model);

    [LoggerMessage(EventId = 6124, Level = LogLevel.Information, Message = "Camera {Camera}: model {Model} masks each person's body, so only the cells a person covers are hidden")]
    public static partial void MaskingPeople(ILogger logger, string camera, string model);

    [LoggerMessage(EventId = 6123, Level = LogLevel.Warning, Message = "Camera {Camera}: model {Model} has no label '{Label}', so passers are found by motion alone. Fix: set Detection:PersonLabel to the model's person label, or Vision:HidePeople to false")]
    public static partial void NoPersonLabel(ILogger logger, string camera, string model, string label);
}
