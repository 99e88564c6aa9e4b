using Microsoft.Extensions.Logging;

namespace EdgeCredit.Agent.Meters.Ocr;

internal static partial class MeterOcrLog
{
    [LoggerMessage(EventId = 2501, Level = LogLevel.Information, Message = "OCR meter {Source}: {Kind} display, {Digits} digits ({Decimals} decimals), read every {Interval} from {Url}, region {Region}, at most {MaxKw} kW")]
    public static partial void Configured(ILogger logger, string source, DisplayKind kind, int digits, int decimals, TimeSpan interval, string url, string region, double maxKw);

    [LoggerMessage(EventId = 2502, Level = LogLevel.Debug, Message = "OCR meter {Source}: read {Register} kWh ('{Text}', confidence {Confidence:0.000}) in {Milliseconds:0} ms")]
    public static partial void Accepted(ILogger logger, string source, double register, string text, float confidence, double milliseconds);

    [LoggerMessage(EventId = 2503, Level = LogLevel.Information, Message = "OCR meter {Source}: reading refused ({Reason}): read '{Text}' with confidence {Confidence:0.000}; last accepted {LastKwh} kWh. It is kept out of the energy")]
    public static partial void Refused(ILogger logger, string source, ReadingRejection reason, string text, float confidence, double? lastKwh);

    [LoggerMessage(EventId = 2506, Level = LogLevel.Debug, Message = "OCR meter {Source}: reading not used ({Reason}): read '{Text}' with confidence {Confidence:0.000} (a drum wheel turning, glare, or a first reading awaiting confirmation)")]
    public static partial void NotUsed(ILogger logger, string source, ReadingRejection reason, string text, float confidence);

    [LoggerMessage(EventId = 2507, Level = LogLevel.Error, Message = "OCR meter {Source}: reading a frame failed; the next frame is read at the next interval")]
    public static partial void ReadFailed(ILogger logger, Exception exception, string source);

    [LoggerMessage(EventId = 2504, Level = LogLevel.Warning, Message = "OCR meter {Source}: {Count} consistent readings in a row disagreed with the last accepted {OldKwh} kWh; new baseline {NewKwh} kWh (meter replaced or reset?), flagged counter_reset")]
    public static partial void Rebaselined(ILogger logger, string source, int count, double? oldKwh, double newKwh);

    [LoggerMessage(EventId = 2505, Level = LogLevel.Warning, Message = "OCR meter {Source}: no accepted reading for {Duration} ({Refused} refused since); its readings are flagged stale. Check the camera's view of the display (glare, focus, region)")]
    public static partial void NoAcceptedReading(ILogger logger, string source, TimeSpan duration, long refused);
}
