using System.Threading.Channels;
using EdgeCredit.Agent.Capture;
using EdgeCredit.Agent.Signals;
using EdgeCredit.Agent.Tests.Support;
using EdgeCredit.Agent.Vision;
using EdgeCredit.Protocol;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeCredit.Agent.Tests.Vision;

public sealed class VisionServiceTests(ITestOutputHelper output)
{
    [Fact]
    public async Task AddVision_FramesPushedIntoAFeed_AnalysedDisposedAndCollectedAsSignals()
    {
        using var log = new TestLog(output);
        var feed = new ChannelFeed("cam-1");
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders().AddProvider(log);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cameras:Sources:0:Name"] = "cam-1",
            ["Cameras:Sources:0:Url"] = "rtsp://127.0.0.1/none",
            ["Cameras:Sources:0:Regions:0:Name"] = "press-1",
            ["Cameras:Sources:0:Regions:0:Polygon"] = SyntheticScene.MachinePolygon,
        });
        builder.Services.AddOptions<CamerasOptions>().BindConfiguration(CamerasOptions.SectionName);
        builder.Services.AddSingleton<IReadOnlyList<ICameraFeed>>([feed]);
        builder.AddVision();
        using var host = builder.Build();
        await host.StartAsync();

        var scene = new SyntheticScene { Running = _ => true };
        var frames = new List<CameraFrame>();
        for (var i = 0; i < 100; i++)
        {
            var frame = new CameraFrame("cam-1", i, VisionRun.Epoch.AddSeconds(i / 5.0), scene.Width, scene.Height);
            scene.Render(i / 5.0, frame.Pixels);
            frames.Add(frame);
            await feed.Writer.WriteAsync(frame);
        }

        await Eventually.TrueAsync(() => frames.All(IsDisposed), "every frame analysed and disposed");
        var contributor = Assert.Single(host.Services.GetServices<IWindowContributor>());
        var signals = contributor.Collect(VisionRun.Epoch, VisionRun.Epoch.AddSeconds(20));
        await host.StopAsync();

        Assert.InRange(Assert.Single(signals, s => s.Kind == SignalKind.RunningSeconds).Value, 18, 20);
        Assert.Equal(1, Assert.Single(signals, s => s.Kind == SignalKind.CameraHealth).Value);
        log.AssertNoUnexpectedErrors();
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("false", false)]
    [InlineData("true", true)]
    public void AddVision_MachineRegion_PeopleFoundByTheDetectorUnlessHidePeopleIsOff(string? hidePeople, bool expected)
    {
        using var log = new TestLog(output);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders().AddProvider(log);
        var settings = new Dictionary<string, string?>
        {
            ["Cameras:Sources:0:Name"] = "cam-1",
            ["Cameras:Sources:0:Url"] = "rtsp://127.0.0.1/none",
            ["Cameras:Sources:0:Regions:0:Name"] = "press-1",
            ["Cameras:Sources:0:Regions:0:Polygon"] = SyntheticScene.MachinePolygon,
        };
        if (hidePeople is not null)
        {
            settings["Vision:HidePeople"] = hidePeople; // absent: the default
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddOptions<CamerasOptions>().BindConfiguration(CamerasOptions.SectionName);
        builder.Services.AddSingleton<IReadOnlyList<ICameraFeed>>([new ChannelFeed("cam-1")]);
        builder.AddVision();
        using var host = builder.Build();

        var analyzer = host.Services.GetRequiredService<VisionAnalyzers>().For("cam-1");

        Assert.Equal(expected, analyzer.People is not null);
        Assert.Equal(expected, log.Has(6122));
        log.AssertNoUnexpectedErrors();
    }

    private static bool IsDisposed(CameraFrame frame)
    {
        try
        {
            _ = frame.Buffer;
            return false;
        }
        catch (ObjectDisposedException)
        {
            return true;
        }
    }

    private sealed class ChannelFeed(string camera) : ICameraFeed
    {
        private readonly Channel<CameraFrame> _frames = Channel.CreateBounded<CameraFrame>(256);
        private readonly Channel<CameraLinkChange> _links = Channel.CreateUnbounded<CameraLinkChange>();

        public string Camera => camera;

        public ChannelWriter<CameraFrame> Writer => _frames.Writer;

        public ChannelReader<CameraFrame> Frames => _frames.Reader;

        public ChannelReader<CameraLinkChange> LinkChanges => _links.Reader;

        public CaptureCounters Counters { get; } = new();
    }
}
