using EdgeCredit.Agent.Capture;
using EdgeCredit.Agent.Meters.Ocr;
using EdgeCredit.Agent.Tests.Support;
using EdgeCredit.Protocol;

namespace EdgeCredit.Agent.Tests.Meters.Ocr;

/// <summary>
/// The whole OCR meter with its own ffmpeg camera, or with the stills of a vision camera: an H.264 clip of a rendered
/// drum meter (tune seed) is decoded by a real ffmpeg child into grey frames, read at the meter's interval, confirmed
/// and turned into a register sample.
/// </summary>
[Collection(OcrCollection.Name)]
public sealed class OcrMeterCameraTests(OcrModelsFixture models, ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "edgecredit-ocr-camera", Guid.NewGuid().ToString("N"));
    private readonly TestLog _log = new(output);

    [Fact]
    public async Task RunAsync_ClipOfAMeter_GivesTheRegisterFromDecodedFrames()
    {
        var (clip, region) = await MeterClips.DrumAsync(_folder);
        var options = Options(clip, region);
        using var meter = new OcrMeter(new OcrMeterSetup(options, MeterOcrDefaults.MinConfidence, MeterOcrDefaults.RebaselineAfter, "/usr/bin/ffmpeg"), models.Engine, TimeProvider.System, _log.For<OcrMeter>());
        using var stop = new CancellationTokenSource();
        var run = meter.RunAsync(stop.Token);

        await Eventually.TrueAsync(() => meter.Stats.Accepted >= 1, "an accepted reading from the decoded clip", TimeSpan.FromSeconds(30));
        var sample = await meter.ReadAsync(DateTimeOffset.UtcNow, CancellationToken.None);
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(SignalQuality.Good, sample!.Value.Quality);
        Assert.Equal(12345.6, sample.Value.RegisterKwh!.Value, 6);
        Assert.Equal(0, meter.Stats.Refused(ReadingRejection.Backwards) + meter.Stats.Refused(ReadingRejection.TooFast));
        _log.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task RunAsync_SharesAVisionCamera_ReadsTheRegisterFromItsStillsWithOneDecoder()
    {
        var (clip, region) = await MeterClips.DrumAsync(_folder);
        using var camera = new FfmpegCamera(
            new CameraOptions { Name = "cam-1", Url = clip, AnalysisFps = 5, AnalysisWidth = 320 }, "/usr/bin/ffmpeg", TimeProvider.System, _log.For<FfmpegCamera>());
        var options = Options(string.Empty, region);
        options.Camera = "cam-1";
        using var meter = new OcrMeter(new OcrMeterSetup(options, MeterOcrDefaults.MinConfidence, MeterOcrDefaults.RebaselineAfter, "/usr/bin/ffmpeg"), models.Engine, TimeProvider.System, _log.For<OcrMeter>(), shared: camera);
        using var stop = new CancellationTokenSource();
        var analysed = 0;
        var capture = camera.RunAsync(stop.Token);
        var analysis = Task.Run(async () =>
        {
            await foreach (var frame in camera.Frames.ReadAllAsync(CancellationToken.None))
            {
                Assert.Equal(320, frame.Width); // the vision camera's own frames are unchanged
                Interlocked.Increment(ref analysed);
                frame.Dispose();
            }
        });
        var run = meter.RunAsync(stop.Token);

        await Eventually.TrueAsync(() => meter.Stats.Accepted >= 1, "an accepted reading from the camera's stills", TimeSpan.FromSeconds(30));
        var sample = await meter.ReadAsync(DateTimeOffset.UtcNow, CancellationToken.None);
        // the clip plays in real time at 5 frames/s, so a reading accepted within the first second has seen fewer
        await Eventually.TrueAsync(() => Volatile.Read(ref analysed) >= 5, "five frames for the vision analysis", TimeSpan.FromSeconds(30));
        var decoders = FfmpegProcessesReading(clip);
        await stop.CancelAsync();
        await Task.WhenAll(run, capture, analysis).WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(SignalQuality.Good, sample!.Value.Quality);
        Assert.Equal(12345.6, sample.Value.RegisterKwh!.Value, 6);
        Assert.Equal(1, decoders); // the camera's ffmpeg; the meter started none
        _log.AssertNoUnexpectedErrors();
    }

    public void Dispose()
    {
        _log.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
    /// <summary>Processes running ffmpeg whose command line names <paramref name="clip"/> (unique to this test).</summary>
    private static int FfmpegProcessesReading(string clip) => Directory.EnumerateDirectories("/proc")
        .Where(d => int.TryParse(Path.GetFileName(d), out _))
        .Count(d =>
        {
            try
            {
                var cmdline = File.ReadAllText(Path.Combine(d, "cmdline"));
                return cmdline.StartsWith("/usr/bin/ffmpeg", StringComparison.Ordinal) && cmdline.Contains(clip, StringComparison.Ordinal);
            }
            catch (IOException)
            {
                return false; // ended meanwhile
            }
        });

    private static OcrMeterOptions Options(string url, string region) => new()
    {
        Name = "main-meter",
        Url = url,
        FrameWidth = 640,
        Region = region,
        ReadInterval = TimeSpan.FromSeconds(1), // below the configurable 5 s to keep the test short
        Kind = Agent.Meters.Ocr.DisplayKind.Drum,
        Digits = 7,
        Decimals = 1,
        MaxKilowatts = 100,
    };
}
