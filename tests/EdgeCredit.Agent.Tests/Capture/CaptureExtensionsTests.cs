using EdgeCredit.Agent.Capture;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Agent.Tests.Capture;

public sealed class CaptureExtensionsTests
{
    [Fact]
    public void AddCapture_TwoSources_OneFeedEachAndTheService()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cameras:Sources:0:Name"] = "cam-1",
            ["Cameras:Sources:0:Url"] = "rtsp://10.0.0.9/s",
            ["Cameras:Sources:1:Name"] = "cam-2",
            ["Cameras:Sources:1:Url"] = "http://10.0.0.10/video.mjpg",
            ["Cameras:Sources:1:AnalysisFps"] = "2",
        });
        builder.AddCapture().AddCapture();
        using var host = builder.Build();

        var feeds = host.Services.GetRequiredService<IReadOnlyList<ICameraFeed>>();

        Assert.Equal(["cam-1", "cam-2"], feeds.Select(f => f.Camera));
        Assert.Equal(2, host.Services.GetRequiredService<IOptions<CamerasOptions>>().Value.Sources.Count);
        Assert.Single(host.Services.GetServices<IHostedService>().OfType<CaptureService>());
    }

    [Fact]
    public async Task CaptureService_OneCameraOffline_OtherStreams()
    {
        var clip = await TestClips.Clip640Async();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cameras:Sources:0:Name"] = "cam-dead",
            ["Cameras:Sources:0:Url"] = "rtsp://127.0.0.1:9/none", // nothing listens on port 9
            ["Cameras:Sources:1:Name"] = "cam-file",
            ["Cameras:Sources:1:Url"] = clip,
        });
        builder.AddCapture();
        using var host = builder.Build();
        var feeds = host.Services.GetRequiredService<IReadOnlyList<ICameraFeed>>();

        await host.StartAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var offline = await feeds[0].LinkChanges.ReadAllAsync(timeout.Token).FirstAsync(c => c.State == CameraLinkState.Offline, timeout.Token);
        for (var i = 0; i < 3; i++)
        {
            using var frame = await feeds[1].Frames.ReadAsync(timeout.Token);
            Assert.Equal("cam-file", frame.Camera);
        }

        var pid = ((FfmpegCamera)feeds[1]).FfmpegPid;
        await host.StopAsync();

        Assert.Contains("Connection refused", offline.Reason, StringComparison.Ordinal);
        Assert.NotNull(pid);
        Assert.False(Directory.Exists($"/proc/{pid}"), $"ffmpeg {pid} still there after the host stopped");
    }

    [Fact]
    public void AddCapture_BadSource_StartFailsWithTheKey()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cameras:Sources:0:Name"] = "cam-1",
            ["Cameras:Sources:0:Url"] = "rtsp://10.0.0.9/s",
            ["Cameras:Sources:0:QueueCapacity"] = "0",
        });
        builder.AddCapture();
        using var host = builder.Build();

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<CamerasOptions>>().Value);

        Assert.Contains("Cameras:Sources:0:QueueCapacity = '0' is invalid", error.Message, StringComparison.Ordinal);
    }
}
