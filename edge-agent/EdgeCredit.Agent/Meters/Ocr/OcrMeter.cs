using EdgeCredit.Agent.Capture;
using EdgeCredit.Protocol;
using Microsoft.Extensions.Logging;
using OpenCvSharp;

namespace EdgeCredit.Agent.Meters.Ocr;

/// <summary>
/// A meter read from its display by a camera. Its loop takes one frame every ReadInterval from its camera (an
/// <see cref="FfmpegCamera"/> of its own decoding at two frames per interval, the stills a camera of
/// <c>Cameras:Sources</c> writes for it at that rate (<see cref="StillFeed"/>), or a feed passed in), reads the register
/// in the configured region (<see cref="MeterDisplayReader"/>, one reading at a time across meters through the
/// engine's gate) and passes it through <see cref="RegisterPlausibility"/>. An accepted reading becomes the meter's
/// sample: <see cref="MeterReading.RegisterKwh"/> (the window's energy is the register's movement) and the average
/// power since the previous accepted reading; a reading accepted as a new baseline is flagged
/// <see cref="SignalQuality.CounterReset"/>. Refused readings are counted per reason and logged, and never reach the
/// energy. <see cref="ReadAsync"/> answers from memory: <c>gap</c> before the first accepted reading, <c>stale</c>
/// after StaleAfter without one.
/// </summary>
internal sealed class OcrMeter : IPolledMeter, IDisposable
{
    private readonly OcrMeterOptions _options;
    private readonly PpOcrEngine _engine;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ICameraFeed _feed;
    private readonly FfmpegCamera? _ownCamera;
    private readonly StillFeed? _stills;
    private readonly MeterDisplayReader _reader;
    private readonly RegisterPlausibility _gate;
    private readonly NormalizedPolygon _region;
    private readonly double _unitKwh;
    private volatile Sample? _latest;
    private DateTimeOffset _nextRead = DateTimeOffset.MinValue;
    private long _refusedSinceAccepted;
    private bool _staleLogged;

    /// <param name="setup">The meter's options and the section's settings.</param>
    /// <param name="engine">The shared OCR engine (borrowed).</param>
    /// <param name="time">Clock.</param>
    /// <param name="logger">Logger.</param>
    /// <param name="feed">Frames to read (borrowed; tests); null: see <paramref name="shared"/>.</param>
    /// <param name="shared">
    /// The camera of <c>Cameras:Sources</c> named by the meter's Camera (borrowed, not yet running): the meter asks it for
    /// stills (<see cref="FfmpegCamera.AddStill"/>) and owns their feed. Null with no feed: the meter decodes its URL with
    /// its own ffmpeg camera, which it owns.
    /// </param>
    public OcrMeter(OcrMeterSetup setup, PpOcrEngine engine, TimeProvider time, ILogger logger, ICameraFeed? feed = null, FfmpegCamera? shared = null)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _options = setup.Meter;
        _engine = engine;
        _time = time;
        _logger = logger;
        if (!NormalizedPolygon.TryParse(_options.Region, out var region, out var problem))
        {
            throw new ArgumentException($"meter {_options.Name}: region '{_options.Region}': {problem}", nameof(setup));
        }

        _region = region!;
        var format = _options.Format;
        _unitKwh = format.UnitKwh;
        _reader = new MeterDisplayReader(engine.Detector, engine.Recognizer, format, setup.MinConfidence) { GhostSegments = _options.Kind != DisplayKind.Drum };
        _gate = new RegisterPlausibility(_options.MaxKilowatts, _unitKwh, setup.RebaselineAfter);
        if (feed is not null)
        {
            _feed = feed;
        }
        else if (shared is not null)
        {
            _stills = shared.AddStill(_options.Name, 2 / _options.ReadInterval.TotalSeconds, _options.FrameWidth);
            _feed = _stills;
        }
        else
        {
            var camera = new CameraOptions
            {
                Name = _options.Name,
                Url = _options.Url,
                AnalysisFps = 2 / _options.ReadInterval.TotalSeconds,
                AnalysisWidth = _options.FrameWidth,
                QueueCapacity = 1,
                StallTimeout = (_options.ReadInterval * 3) + TimeSpan.FromSeconds(10),
                SkipDeblocking = false, // digits are read at close to the camera's own width: block edges would show
            };
            _ownCamera = new FfmpegCamera(camera, setup.FfmpegPath, time, logger);
            _feed = _ownCamera;
        }
    }

    public string Name => _options.Name;

    public DisplayKind Kind => _options.Kind;

    public OcrMeterStats Stats { get; } = new();

    public ValueTask<MeterReading?> ReadAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var staleAfter = _options.EffectiveStaleAfter;
        if (now - at > staleAfter)
        {
            return ValueTask.FromResult<MeterReading?>(null);
        }

        var latest = _latest;
        MeterReading reading = latest switch
        {
            null => new(0, MachineState.Unknown, SignalQuality.Gap),
            _ when now - latest.At > staleAfter => new(0, MachineState.Unknown, SignalQuality.Stale) { RegisterKwh = latest.Reading.RegisterKwh },
            _ => latest.Reading,
        };
        if (latest is not null && now - latest.At > staleAfter && !_staleLogged)
        {
            _staleLogged = true;
            MeterOcrLog.NoAcceptedReading(_logger, Name, now - latest.At, Interlocked.Read(ref _refusedSinceAccepted));
        }

        return ValueTask.FromResult<MeterReading?>(reading);
    }

    /// <summary>
    /// Runs the meter's camera (when it owns one; the camera retries on its own and returns only when cancelled), or the
    /// feed of the stills a shared camera writes for it (the camera itself runs with the other cameras), and the
    /// reading loop (which survives a failing frame) side by side until cancelled. If one half still ends first, the
    /// other is stopped too. Call once: the camera's channels complete when it returns.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var capture = _ownCamera?.RunAsync(both.Token) ?? _stills?.RunAsync(both.Token) ?? Task.Delay(Timeout.Infinite, both.Token);
        var reading = ReadLoopAsync(both.Token);
        await Task.WhenAny(capture, reading).ConfigureAwait(false);
        await both.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(capture, reading).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (both.IsCancellationRequested)
        {
            // Stopping (or the other half ended first).
        }
    }

    private async Task ReadLoopAsync(CancellationToken cancellationToken)
    {
        await foreach (var frame in _feed.Frames.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            using (frame)
            {
                if (frame.At < _nextRead)
                {
                    continue;
                }

                _nextRead = frame.At + (_options.ReadInterval * 0.9);
                await _engine.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    ReadFrame(frame);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The loop boundary: one bad frame (or a failing inference) costs one reading, not the meter.
                    MeterOcrLog.ReadFailed(_logger, ex, Name);
                }
                finally
                {
                    _engine.Gate.Release();
                }
            }
        }
    }

    /// <summary>Reads one frame and updates the meter's sample when the reading is accepted. Not thread-safe (the loop calls it).</summary>
    public (DisplayReading Reading, PlausibilityVerdict Verdict) ReadFrame(CameraFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        using var grey = Mat.FromPixelData(frame.Height, frame.Width, MatType.CV_8UC1, frame.Buffer);
        var pixels = _region.ToPixels(frame.Width, frame.Height);
        var x0 = pixels.Min(p => p.X);
        var y0 = pixels.Min(p => p.Y);
        var box = new Rect(x0, y0, pixels.Max(p => p.X) - x0 + 1, pixels.Max(p => p.Y) - y0 + 1);
        var started = _time.GetTimestamp();
        var reading = _reader.Read(grey, box);
        var milliseconds = _time.GetElapsedTime(started).TotalMilliseconds;
        var verdict = reading.Units is { } units ? _gate.Check(units, frame.At) : new PlausibilityVerdict(reading.Rejection, false);
        Stats.Count(verdict.Rejection, verdict.Rebaselined);
        var previous = _latest;
        if (!verdict.Accepted)
        {
            Interlocked.Increment(ref _refusedSinceAccepted);
            if (verdict.Rejection is ReadingRejection.LowConfidence or ReadingRejection.Unconfirmed)
            {
                MeterOcrLog.NotUsed(_logger, Name, verdict.Rejection, reading.Text, reading.Confidence); // routine: debug
            }
            else
            {
                MeterOcrLog.Refused(_logger, Name, verdict.Rejection, reading.Text, reading.Confidence, previous?.Reading.RegisterKwh);
            }
            return (reading, verdict);
        }

        var kwh = Math.Round(reading.Units!.Value * _unitKwh, 6);
        var kilowatts = previous is { } p && !verdict.Rebaselined && frame.At > p.At
            ? Math.Max(0, (kwh - p.Reading.RegisterKwh!.Value) / (frame.At - p.At).TotalHours)
            : 0;
        if (verdict.Rebaselined)
        {
            MeterOcrLog.Rebaselined(_logger, Name, _gate.RebaselineAfter, previous?.Reading.RegisterKwh, kwh);
        }

        var quality = verdict.Rebaselined ? SignalQuality.CounterReset : SignalQuality.Good;
        _latest = new Sample(new MeterReading(kilowatts, MachineState.Unknown, quality) { RegisterKwh = kwh }, frame.At);
        Interlocked.Exchange(ref _refusedSinceAccepted, 0);
        _staleLogged = false;
        MeterOcrLog.Accepted(_logger, Name, kwh, reading.Text, reading.Confidence, milliseconds);
        return (reading, verdict);
    }

    public void Dispose()
    {
        _ownCamera?.Dispose();
        _stills?.Dispose();
    }

    private sealed record Sample(MeterReading Reading, DateTimeOffset At);
}
