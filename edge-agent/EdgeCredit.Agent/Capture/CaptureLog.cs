using Microsoft.Extensions.Logging;

namespace EdgeCredit.Agent.Capture;

internal static partial class CaptureLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Camera {Camera}: capturing {Url} ({Kind}) with {Ffmpeg}, {Fps} frames/s at {Width} px wide, grey; queue {QueueCapacity} frames (oldest dropped when full), stall after {StallTimeout}, reconnect every {ReconnectMin}..{ReconnectMax}")]
    public static partial void Starting(ILogger logger, string camera, string url, CameraSourceKind kind, string ffmpeg, double fps, int width, int queueCapacity, TimeSpan stallTimeout, TimeSpan reconnectMin, TimeSpan reconnectMax);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Camera {Camera} ({Url}) streaming: {Width}x{Height} grey frames (ffmpeg pid {Pid})")]
    public static partial void Streaming(ILogger logger, string camera, string url, int width, int height, int pid);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "Camera {Camera} ({Url}) streaming again after {Outage} offline: {Width}x{Height} grey frames (ffmpeg pid {Pid}, reconnects so far {Reconnects})")]
    public static partial void Recovered(ILogger logger, string camera, string url, TimeSpan outage, int width, int height, int pid, long reconnects);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Warning, Message = "Camera {Camera} ({Url}) offline: {Reason}. {Fix}. Retrying in {Delay} and on (backoff up to the camera's ReconnectMax); the other cameras are not affected")]
    public static partial void Offline(ILogger logger, string camera, string url, string reason, string fix, TimeSpan delay);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Debug, Message = "Camera {Camera} ({Url}) still offline: {Reason}; retrying in {Delay}")]
    public static partial void StillOffline(ILogger logger, string camera, string url, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Warning, Message = "Camera {Camera} ({Url}) stalled: no frame for {StallTimeout} although ffmpeg is running (camera or network hung); ffmpeg killed, reconnecting. If this repeats, check the camera's network link or raise Cameras:Sources:N:StallTimeout above the camera's frame interval")]
    public static partial void Stalled(ILogger logger, string camera, string url, TimeSpan stallTimeout);

    [LoggerMessage(EventId = 6007, Level = LogLevel.Error, Message = "Camera {Camera}: cannot run ffmpeg '{Ffmpeg}' (Cameras:FfmpegPath): {Error}. Install it (apt-get install ffmpeg) or set Cameras:FfmpegPath to its path")]
    public static partial void FfmpegMissing(ILogger logger, string camera, string ffmpeg, string error);

    [LoggerMessage(EventId = 6008, Level = LogLevel.Information, Message = "Camera {Camera} stopped: {Decoded} frames decoded, {Dropped} dropped from the full queue, {Reconnects} reconnects, {Stalls} stalls")]
    public static partial void Stopped(ILogger logger, string camera, long decoded, long dropped, long reconnects, long stalls);

    [LoggerMessage(EventId = 6009, Level = LogLevel.Error, Message = "Camera {Camera}: capture failed unexpectedly; the camera goes offline and is retried like after a stream failure")]
    public static partial void LoopFailed(ILogger logger, Exception exception, string camera);

    [LoggerMessage(EventId = 6010, Level = LogLevel.Information, Message = "Capture: {Count} cameras ({Cameras})")]
    public static partial void Cameras(ILogger logger, int count, string cameras);

    [LoggerMessage(EventId = 6011, Level = LogLevel.Warning, Message = "Camera {Camera}: the still for {Reader} could not be read from {Path}: {Error}; the next still is tried")]
    public static partial void StillUnreadable(ILogger logger, string camera, string reader, string path, string error);

    [LoggerMessage(EventId = 6012, Level = LogLevel.Information, Message = "Camera {Camera} also writes a still for {Reader}: {Width} px wide every {Interval} to {Path}, from the same decoding (deblocking kept on for it)")]
    public static partial void StillAdded(ILogger logger, string camera, string reader, int width, TimeSpan interval, string path);
}
