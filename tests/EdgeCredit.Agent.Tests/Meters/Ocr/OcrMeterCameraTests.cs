using System.Diagnostics;
using EdgeCredit.Agent.Meters.Ocr;
using EdgeCredit.Agent.Tests.Support;
using EdgeCredit.Protocol;
using EdgeCredit.Scenes;
using EdgeCredit.Scenes.MeterDisplays;
using OpenCvSharp;

namespace EdgeCredit.Agent.Tests.Meters.Ocr;

/// <summary>
/// The whole OCR meter with its own ffmpeg camera: an H.264 clip of a rendered drum meter (tune seed) is decoded by a
/// real ffmpeg child into grey frames, read at the meter's interval, confirmed and turned into a register sample.
/// </summary>
[Collection(OcrCollection.Name)]
public sealed class OcrMeterCameraTests(OcrModelsFixture models, ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "edgecredit-ocr-camera", Guid.NewGuid().ToString("N"));
    private readonly TestLog _log = new(output);

    [Fact]
    public async Task RunAsync_ClipOfAMeter_GivesTheRegisterFromDecodedFrames()
    {
        Directory.CreateDirectory(_folder);
        var spec = new MeterDisplaySpec(EdgeCredit.Scenes.MeterDisplays.DisplayKind.Drum, Degradation.Clean, 7, 1, 123_456, SceneCatalogue.TuneSeedBase + 810);
        string region;
        using (var rendered = MeterDisplayRenderer.Render(spec))
        {
            Cv2.ImWrite(Path.Combine(_folder, "meter.png"), rendered.Frame);
            region = rendered.Region.ToPolygon();
        }

        var clip = Path.Combine(_folder, "meter.mp4");
        using (var ffmpeg = Process.Start("/usr/bin/ffmpeg", ["-hide_banner", "-loglevel", "error", "-nostdin", "-y", "-loop", "1", "-i", Path.Combine(_folder, "meter.png"), "-t", "4", "-r", "5", "-c:v", "libx264", "-pix_fmt", "yuv420p", clip]))
        {
            await ffmpeg.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(0, ffmpeg.ExitCode);
        }

        var options = new OcrMeterOptions
        {
            Name = "main-meter",
            Url = clip,
            FrameWidth = 640,
            Region = region,
            ReadInterval = TimeSpan.FromSeconds(1), // below the configurable 5 s to keep the test short
            Kind = Agent.Meters.Ocr.DisplayKind.Drum,
            Digits = 7,
            Decimals = 1,
            MaxKilowatts = 100,
        };
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

    public void Dispose()
    {
        _log.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
