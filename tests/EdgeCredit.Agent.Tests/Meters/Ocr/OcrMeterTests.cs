using EdgeCredit.Agent.Meters;
using EdgeCredit.Agent.Meters.Ocr;
using EdgeCredit.Protocol;
using EdgeCredit.Scenes;
using EdgeCredit.Scenes.MeterDisplays;
using DisplayKind = EdgeCredit.Scenes.MeterDisplays.DisplayKind;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace EdgeCredit.Agent.Tests.Meters.Ocr;

/// <summary>An OCR meter fed rendered frames (tune seeds): readings become register samples, misfits are refused and counted.</summary>
[Collection(OcrCollection.Name)]
public sealed class OcrMeterTests(OcrModelsFixture models)
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ReadFrame_ForwardReadings_BecomeRegisterSamplesWithAveragePower()
    {
        var clock = new FakeTimeProvider(T0);
        var (meter, region) = Meter(clock, DisplayKind.Drum);
        Assert.Equal(SignalQuality.Gap, (await meter.ReadAsync(T0, CancellationToken.None))!.Value.Quality);

        // 12345.6 -> 12345.6 (confirms) -> 12346.6 kWh one minute later: 60 kW.
        Read(meter, region, 123_456, T0, clock);
        Read(meter, region, 123_456, T0.AddMinutes(1), clock);
        Read(meter, region, 123_466, T0.AddMinutes(2), clock);
        var sample = await meter.ReadAsync(clock.GetUtcNow(), CancellationToken.None);

        Assert.Equal(SignalQuality.Good, sample!.Value.Quality);
        Assert.Equal(12346.6, sample.Value.RegisterKwh!.Value, 6);
        Assert.Equal(60, sample.Value.Kilowatts, 3);
        Assert.Equal(2, meter.Stats.Accepted);
        Assert.Equal(1, meter.Stats.Refused(ReadingRejection.Unconfirmed));
    }

    [Fact]
    public async Task ReadFrame_RegisterBackwardsOrTooFast_IsRefusedAndKeepsTheLastGoodSample()
    {
        var clock = new FakeTimeProvider(T0);
        var (meter, region) = Meter(clock, DisplayKind.Drum);
        Read(meter, region, 123_456, T0, clock);
        Read(meter, region, 123_457, T0.AddMinutes(1), clock);

        var back = Read(meter, region, 113_457, T0.AddMinutes(2), clock); // a wheel misread one digit low
        var fast = Read(meter, region, 193_457, T0.AddMinutes(3), clock); // or high

        Assert.Equal(ReadingRejection.Backwards, back);
        Assert.Equal(ReadingRejection.TooFast, fast);
        var sample = await meter.ReadAsync(clock.GetUtcNow(), CancellationToken.None);
        Assert.Equal(12345.7, sample!.Value.RegisterKwh!.Value, 6);
        Assert.Equal(1, meter.Stats.Refused(ReadingRejection.Backwards));
        Assert.Equal(1, meter.Stats.Refused(ReadingRejection.TooFast));
    }

    [Fact]
    public async Task ReadAsync_NoAcceptedReadingForStaleAfter_IsStale()
    {
        var clock = new FakeTimeProvider(T0);
        var (meter, region) = Meter(clock, DisplayKind.Lcd);
        Read(meter, region, 123_456, T0, clock);
        Read(meter, region, 123_456, T0.AddMinutes(1), clock);

        clock.Advance(TimeSpan.FromMinutes(4)); // StaleAfter = 3 x 1 min
        var sample = await meter.ReadAsync(clock.GetUtcNow(), CancellationToken.None);

        Assert.Equal(SignalQuality.Stale, sample!.Value.Quality);
        Assert.False(sample.Value.IsMeasurement);
    }

    private (OcrMeter Meter, string Region) Meter(FakeTimeProvider clock, DisplayKind kind)
    {
        var spec = Spec(kind, 0);
        using var frame = RenderedFrames.Frame(spec, T0, out var region);
        var options = new OcrMeterOptions
        {
            Name = "main-meter",
            Url = "unused",
            Region = region.ToPolygon(),
            ReadInterval = TimeSpan.FromMinutes(1),
            Kind = (Agent.Meters.Ocr.DisplayKind)(int)kind,
            Digits = 7,
            Decimals = 1,
            MaxKilowatts = 100,
        };
        var meter = new OcrMeter(new OcrMeterSetup(options, MeterOcrDefaults.MinConfidence, MeterOcrDefaults.RebaselineAfter, "/usr/bin/ffmpeg"), models.Engine, clock, NullLogger.Instance, new NoFrames());
        return (meter, options.Region);
    }

    private static MeterDisplaySpec Spec(DisplayKind kind, double register) =>
        new(kind, Degradation.Clean, 7, 1, register, SceneCatalogue.TuneSeedBase + 800 + (int)kind); // one layout per kind: a fixed camera

    private static ReadingRejection Read(OcrMeter meter, string region, long units, DateTimeOffset at, FakeTimeProvider clock)
    {
        clock.SetUtcNow(at);
        var spec = Spec(DisplayKindOf(meter), units);
        using var frame = RenderedFrames.Frame(spec, at, out var rendered);
        Assert.Equal(region, rendered.ToPolygon());
        var (reading, verdict) = meter.ReadFrame(frame);
        Assert.True(reading.Units is null || reading.Units == units, $"read {reading.Text} for {units}");
        return verdict.Rejection;
    }

    private static DisplayKind DisplayKindOf(OcrMeter meter) => (DisplayKind)(int)meter.Kind;

    private sealed class NoFrames : EdgeCredit.Agent.Capture.ICameraFeed
    {
        public string Camera => "meter-cam";

        public System.Threading.Channels.ChannelReader<EdgeCredit.Agent.Capture.CameraFrame> Frames { get; } = System.Threading.Channels.Channel.CreateUnbounded<EdgeCredit.Agent.Capture.CameraFrame>().Reader;

        public System.Threading.Channels.ChannelReader<EdgeCredit.Agent.Capture.CameraLinkChange> LinkChanges { get; } = System.Threading.Channels.Channel.CreateUnbounded<EdgeCredit.Agent.Capture.CameraLinkChange>().Reader;

        public EdgeCredit.Agent.Capture.CaptureCounters Counters { get; } = new();
    }
}
