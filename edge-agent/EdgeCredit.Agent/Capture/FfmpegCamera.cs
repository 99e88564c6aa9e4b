using System.ComponentModel;
using System.Threading.Channels;
using EdgeCredit.Agent.Publishing;
using Microsoft.Extensions.Logging;

namespace EdgeCredit.Agent.Capture;

/// <summary>
/// One camera read through a Debian ffmpeg child process (see <see cref="FfmpegArguments"/>): grey frames at the
/// analysis rate and size into a bounded channel (full: the oldest frame is dropped, disposed and counted), link changes
/// Connecting → Streaming → Offline (with the reason), reconnects with exponential backoff and full jitter between
/// ReconnectMin and ReconnectMax (back to ReconnectMin after <see cref="HealthyPeriod"/> of streaming), and a watchdog
/// that kills a stalled ffmpeg. Owns the ffmpeg child and the frames still queued.
/// </summary>
internal sealed partial class FfmpegCamera : ICameraFeed, IDisposable
{
    /// <summary>Streaming this long makes the next failure wait ReconnectMin again.</summary>
    public static readonly TimeSpan HealthyPeriod = TimeSpan.FromSeconds(30);

    /// <summary>Allowance on top of StallTimeout for the first frame of a run (connection, RTSP set-up, stream probing).</summary>
    public static readonly TimeSpan ProbeAllowance = TimeSpan.FromSeconds(10);

    private const int LinkChangeCapacity = 64;
    private readonly CameraOptions _camera;
    private readonly string _ffmpegPath;
    private readonly List<CameraStillOutput> _stills = [];
    private IReadOnlyList<string> _arguments;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ReconnectBackoff _backoff;
    private readonly Channel<CameraFrame> _frames;
    private readonly Channel<CameraLinkChange> _links;
    private readonly CancellationTokenSource _disposing = new();
    private string? _lastReason;
    private volatile FfmpegProcess? _current;
    private long _index;
    private DateTimeOffset? _offlineSince;
    private int _disposed;
    private int _started;

    public FfmpegCamera(CameraOptions camera, string ffmpegPath, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(camera);
        ArgumentException.ThrowIfNullOrEmpty(ffmpegPath);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _camera = camera;
        _ffmpegPath = ffmpegPath;
        _time = time;
        _logger = logger;
        _arguments = FfmpegArguments.For(camera);
        _backoff = new ReconnectBackoff(camera.ReconnectMin, camera.ReconnectMax);
        MaskedUrl = CameraUrl.Mask(camera.Url);
        Kind = CameraUrl.KindOf(camera.Url);
        _frames = Channel.CreateBounded<CameraFrame>(
            new BoundedChannelOptions(camera.QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleWriter = true, SingleReader = true },
            OnFrameDropped);
        _links = Channel.CreateBounded<CameraLinkChange>(
            new BoundedChannelOptions(LinkChangeCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleWriter = true });
    }

    public string Camera => _camera.Name;

    /// <summary>The URL with any password replaced by <c>***</c>, for logs and reasons.</summary>
    public string MaskedUrl { get; }

    /// <summary>How the URL is opened.</summary>
    public CameraSourceKind Kind { get; }

    public ChannelReader<CameraFrame> Frames => _frames.Reader;

    /// <summary>Link changes; holds the last 64 when nobody reads them (oldest dropped).</summary>
    public ChannelReader<CameraLinkChange> LinkChanges => _links.Reader;

    public CaptureCounters Counters { get; } = new();

    /// <summary>The latest link state.</summary>
    public CameraLinkState State { get; private set; } = CameraLinkState.Connecting;

    /// <summary>Process id of the running ffmpeg, if any (tests and benchmarks read its CPU time).</summary>
    public int? FfmpegPid => _current?.Id;

    /// <summary>
    /// Adds a still output for <paramref name="reader"/> (a meter read by OCR from this camera): the camera's ffmpeg also
    /// writes a grey picture <paramref name="width"/> px wide every 1 / <paramref name="fps"/> s, from the frames it
    /// decodes anyway, and the returned feed passes them on. The caller owns the feed (it deletes the file). Only before
    /// <see cref="RunAsync"/>: ffmpeg's command line is fixed when it starts.
    /// </summary>
    /// <exception cref="InvalidOperationException">The camera already runs.</exception>
    public StillFeed AddStill(string reader, double fps, int width)
    {
        ArgumentException.ThrowIfNullOrEmpty(reader);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (Volatile.Read(ref _started) != 0)
        {
            throw new InvalidOperationException($"camera {Camera} already runs: a still for {reader} must be added before it starts");
        }

        var path = Path.Combine(Path.GetTempPath(), $"edgecredit-{Environment.ProcessId}-{Camera}-{reader}-still.pgm");
        var output = new CameraStillOutput(path, fps, width);
        var feed = new StillFeed(Camera, reader, output, _time, _logger);
        _stills.Add(output);
        _arguments = FfmpegArguments.For(_camera, _stills);
        var interval = TimeSpan.FromSeconds(1 / fps);
        CaptureLog.StillAdded(_logger, Camera, reader, width, interval, path);
        return feed;
    }

    /// <summary>The still outputs added so far.</summary>
    public IReadOnlyList<CameraStillOutput> Stills => _stills;

    /// <summary>Called with each frame dropped from the full queue, after it was disposed (for tests).</summary>
    internal Action<CameraFrame>? FrameDropped { get; set; }

    /// <summary>
    /// Captures until cancelled: runs ffmpeg, reads frames, and after each failure, end of stream or stall waits the
    /// backoff and starts again. Completes the frame and link channels when it returns. Call once.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        Volatile.Write(ref _started, 1);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposing.Token);
        var token = linked.Token;
        CaptureLog.Starting(_logger, Camera, MaskedUrl, Kind, _ffmpegPath, _camera.AnalysisFps, _camera.AnalysisWidth,
            _camera.QueueCapacity, _camera.StallTimeout, _camera.ReconnectMin, _camera.ReconnectMax);
        var failures = 0;
        try
        {
            while (!token.IsCancellationRequested)
            {
                // During an outage the link stays Offline through the retries (no Connecting/Offline flapping for
                // whoever watches it); Streaming ends it.
                if (State != CameraLinkState.Offline)
                {
                    Publish(CameraLinkState.Connecting, "starting ffmpeg");
                }

                CaptureRunEnd end;
                try
                {
                    end = await RunOnceAsync(token);
                }
                catch (Exception ex) when (!token.IsCancellationRequested)
                {
                    // The loop boundary of this camera: log, go Offline and retry like any other failure.
                    CaptureLog.LoopFailed(_logger, ex, Camera);
                    end = new CaptureRunEnd("capture failed: " + ex.Message, false, 0, TimeSpan.Zero);
                }

                if (token.IsCancellationRequested)
                {
                    break;
                }

                failures = end.StreamedFor >= HealthyPeriod ? 1 : failures + 1;
                var delay = _backoff.Next(failures - 1);
                if (end.Stalled)
                {
                    Counters.AddStall();
                    CaptureLog.Stalled(_logger, Camera, MaskedUrl, _camera.StallTimeout);
                }

                if (State != CameraLinkState.Offline || end.Reason != _lastReason)
                {
                    Publish(CameraLinkState.Offline, end.Reason);
                }

                if (end.CannotRun)
                {
                    CaptureLog.FfmpegMissing(_logger, Camera, _ffmpegPath, end.Reason);
                }
                else if (end.Streamed || _offlineSince is null)
                {
                    CaptureLog.Offline(_logger, Camera, MaskedUrl, end.Reason, Fix(), delay);
                }
                else
                {
                    CaptureLog.StillOffline(_logger, Camera, MaskedUrl, end.Reason, delay);
                }

                if (end.Streamed || _offlineSince is null)
                {
                    _offlineSince = _time.GetUtcNow();
                }

                await Task.Delay(delay, _time, token);
                Counters.AddReconnect();
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // stopping
        }
        finally
        {
            _frames.Writer.TryComplete();
            _links.Writer.TryComplete();
            CaptureLog.Stopped(_logger, Camera, Counters.Decoded, Counters.Dropped, Counters.Reconnects, Counters.Stalls);
        }
    }

    /// <summary>Stops the capture: kills ffmpeg and disposes every frame still queued.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _disposing.Cancel();
        _current?.Kill();
        _frames.Writer.TryComplete();
        while (_frames.Reader.TryRead(out var frame))
        {
            frame.Dispose();
        }

        _disposing.Dispose();
    }

    private void Publish(CameraLinkState state, string reason)
    {
        State = state;
        _lastReason = reason;
        _links.Writer.TryWrite(new CameraLinkChange(Camera, state, _time.GetUtcNow(), reason));
    }

    private void OnFrameDropped(CameraFrame frame)
    {
        frame.Dispose();
        Counters.AddDropped();
        FrameDropped?.Invoke(frame);
    }

    private string Fix() => Kind switch
    {
        CameraSourceKind.Rtsp => "Check that the camera is powered and reachable, and the URL's path, user and password (try: ffprobe -rtsp_transport tcp URL)",
        CameraSourceKind.Http => "Check that the camera is powered and reachable and that the URL serves a video stream such as MJPEG (try: ffprobe URL)",
        CameraSourceKind.Device => "Check that the camera is plugged in (ls /dev/video*) and that the agent's user is in group 'video'",
        _ => "Check that the file exists, is readable by the agent and is a video ffmpeg can decode (try: ffprobe FILE)",
    };
}
