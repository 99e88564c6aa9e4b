using System.Buffers;
using EdgeCredit.Agent.Capture;
using EdgeCredit.Agent.Hosting;
using EdgeCredit.Agent.Inference;
using EdgeCredit.Agent.Meters;
using EdgeCredit.Agent.Meters.Ocr;
using EdgeCredit.Agent.Outbox;
using EdgeCredit.Agent.Publishing;
using EdgeCredit.Agent.Signals;
using EdgeCredit.Agent.Tests.Meters.Ocr;
using EdgeCredit.Agent.Tests.Support;
using EdgeCredit.Agent.Vision;
using EdgeCredit.Protocol;
using EdgeCredit.Testing.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeCredit.Agent.Tests.Hosting;

/// <summary>The whole pipeline as Program wires it: simulator → windows → outbox → MQTT, against an in-process broker and a fake collector that sends receipts.</summary>
public sealed class AgentHostTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Run_OneSecondWindows_ValidBatchesReachTheBroker()
    {
        await using var broker = await TestBroker.StartAsync();
        await using var collector = await ReceiptingCollector.StartAsync(broker.Port);
        using var dir = new TempDirectory();
        var log = new TestLog(output);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = dir.Path });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Agent:Enterprise"] = "acme",
            ["Agent:Device"] = "gw-host",
            ["Agent:Window"] = "00:00:01",
            ["Agent:SampleInterval"] = "00:00:00.250",
            ["Simulator:Machines:0:Name"] = "press-1",
            ["Simulator:Machines:0:ShiftStart"] = "00:00",
            ["Simulator:Machines:0:ShiftEnd"] = "00:00",
            ["Simulator:Machines:0:WorkDays:0"] = "Monday",
            ["Simulator:Machines:1:Name"] = "cnc-2",
            ["Simulator:Machines:1:Profile"] = "Stopped",
            ["Publishing:Port"] = broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.Logging.AddProvider(log).SetMinimumLevel(LogLevel.Debug);
        builder.AddAgentCore().AddMeters().AddSignals().AddOutbox().AddPublishing();
        using var host = builder.Build();

        await host.StartAsync();
        await Eventually.TrueAsync(() => broker.SignalSequences().Count >= 3, "three batches at the broker");
        var counters = host.Services.GetRequiredService<AgentCounters>();
        await Eventually.TrueAsync(() => counters.Sent >= 3, "three batches confirmed by receipts");
        await host.StopAsync();

        var sequences = broker.SignalSequences();
        Assert.Equal(sequences.Order(), sequences);
        var batch = SignalBatchParser.Parse(broker.Accepted.First(m => m.Topic == Topics.SignalsOf("acme", "gw-host")).Payload.ToArray()).Batch!;
        Assert.Equal(12, batch.Signals.Count);
        Assert.All(batch.Signals, s => Assert.Equal(TimeSpan.FromSeconds(1), s.End - s.Start));
        Assert.True(File.Exists(Path.Combine(dir.Path, "data", "agent", OutboxExtensions.FileName)));
        Assert.Equal(DeviceState.Offline, (await broker.RetainedStatusAsync(Topics.StatusOf("acme", "gw-host")))?.State);
        log.AssertNoUnexpectedErrors();
    }
    [Fact]
    public async Task Run_MeterReadFromAVisionCamera_RegisterAndCameraHealthFromOneDecoder()
    {
        await using var broker = await TestBroker.StartAsync();
        await using var collector = await ReceiptingCollector.StartAsync(broker.Port);
        using var dir = new TempDirectory();
        var (clip, region) = await MeterClips.DrumAsync(Path.Combine(dir.Path, "clip"));
        var log = new TestLog(output);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = dir.Path });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Agent:Enterprise"] = "acme",
            ["Agent:Device"] = "gw-ocr",
            ["Agent:Window"] = "00:00:02",
            ["Inference:ModelsDirectory"] = Path.Combine(RepoPaths.Root, "models"),
            ["Inference:CacheDirectory"] = MeterOcrDefaults.FetchCache,
            ["Cameras:Sources:0:Name"] = "cam-1", // a camera that sees the meter (and could see machines: regions as usual)
            ["Cameras:Sources:0:Url"] = clip,
            ["MeterOcr:Meters:0:Name"] = "main-meter",
            ["MeterOcr:Meters:0:Camera"] = "cam-1",
            ["MeterOcr:Meters:0:FrameWidth"] = "640",
            ["MeterOcr:Meters:0:Region"] = region,
            ["MeterOcr:Meters:0:ReadInterval"] = "00:00:05",
            ["MeterOcr:Meters:0:Kind"] = "Drum",
            ["MeterOcr:Meters:0:Digits"] = "7",
            ["MeterOcr:Meters:0:Decimals"] = "1",
            ["MeterOcr:Meters:0:MaxKilowatts"] = "100",
            ["Publishing:Port"] = broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.Logging.AddProvider(log).SetMinimumLevel(LogLevel.Debug);
        builder.AddAgentCore().AddInference().AddMeters().AddCapture().AddVision().AddSignals().AddOutbox().AddPublishing();
        using var host = builder.Build();

        await host.StartAsync();
        await Eventually.TrueAsync(() => Signals(broker).Any(s => s.Kind == SignalKind.MeterRegister && s.Quality == SignalQuality.Good), "the register read from the camera's stills", TimeSpan.FromSeconds(60));
        var camera = host.Services.GetRequiredService<CameraSet>().Cameras.Single();
        var cmdline = await File.ReadAllTextAsync($"/proc/{camera.FfmpegPid}/cmdline");
        await host.StopAsync();

        var register = Signals(broker).First(s => s.Kind == SignalKind.MeterRegister && s.Quality == SignalQuality.Good);
        Assert.Equal("main-meter", register.Source);
        Assert.Equal(12345.6, register.Value, 6);
        Assert.Contains(Signals(broker), s => s.Kind == SignalKind.CameraHealth && s.Source == "cam-1"); // the same camera, analysed as usual
        Assert.Contains(Assert.Single(camera.Stills).Path, cmdline, StringComparison.Ordinal); // one ffmpeg for both
        log.AssertNoUnexpectedErrors();
    }

    private static List<Signal> Signals(TestBroker broker) =>
        [.. broker.Accepted.Where(m => m.Topic.EndsWith("/signals", StringComparison.Ordinal))
            .SelectMany(m => SignalBatchParser.Parse(m.Payload.ToArray()).Batch?.Signals ?? [])];
}
