using EdgeCredit.Agent.Capture;
using EdgeCredit.Agent.Tests.Support;

namespace EdgeCredit.Agent.Tests.Capture;

/// <summary>
/// Real servers killed and started again on the same port, or frozen (alive, sending nothing): the camera reports
/// Offline with a reason and resumes by itself.
/// </summary>
public sealed class FfmpegCameraOutageTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Resume = TimeSpan.FromSeconds(30);
    private readonly TestLog _log = new(output);

    [Theory]
    [InlineData("rtsp_server.py")]
    [InlineData("mjpeg_server.py")]
    public async Task RunAsync_ServerKilledAndRestarted_OfflineThenResumesWithin30s(string script)
    {
        var clip = await TestClips.Clip640Async();
        var server = await StreamServerProcess.StartAsync(script, 0, "--file", clip);
        try
        {
            await using var watcher = new CameraWatcher(Camera(script == "rtsp_server.py" ? server.RtspUrl : server.MjpegUrl));
            await watcher.WaitForAsync(CameraLinkState.Streaming, 1, "streaming");

            await server.KillAsync();
            await watcher.WaitForAsync(CameraLinkState.Offline, 1, "offline after the server was killed");
            var offline = watcher.Changes.First(c => c.State == CameraLinkState.Offline);
            Assert.False(string.IsNullOrWhiteSpace(offline.Reason));
            output.WriteLine($"offline reason: {offline.Reason}");

            var port = server.Port;
            await server.DisposeAsync();
            server = await StreamServerProcess.StartAsync(script, port, "--file", clip);
            var framesBefore = watcher.Frames.Count;
            await watcher.WaitForAsync(CameraLinkState.Streaming, 2, "streaming again after the restart", Resume);
            await watcher.WaitForFramesAsync(framesBefore + 3);

            Assert.True(watcher.Camera.Counters.Reconnects >= 1, $"reconnects {watcher.Camera.Counters.Reconnects}");
            Assert.Equal(0, watcher.Camera.Counters.Stalls);
            Assert.Contains(_log.Entries, e => e.EventId == 6004); // offline, once
            Assert.Contains(_log.Entries, e => e.EventId == 6003); // recovered
            _log.AssertNoUnexpectedErrors();
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("rtsp_server.py")]
    [InlineData("mjpeg_server.py")]
    public async Task RunAsync_ServerFrozen_WatchdogRestartsThenResumes(string script)
    {
        await using var server = await StreamServerProcess.StartAsync(script, 0);
        await using var watcher = new CameraWatcher(Camera(script == "rtsp_server.py" ? server.RtspUrl : server.MjpegUrl));
        await watcher.WaitForAsync(CameraLinkState.Streaming, 1, "streaming");

        server.Freeze();
        await watcher.WaitForAsync(CameraLinkState.Offline, 1, "offline after the stall", TimeSpan.FromSeconds(15));
        var offline = watcher.Changes.First(c => c.State == CameraLinkState.Offline);
        Assert.Contains("stalled", offline.Reason, StringComparison.Ordinal);
        Assert.Equal(1, watcher.Camera.Counters.Stalls);
        Assert.Contains(_log.Entries, e => e.EventId == 6006);

        server.Thaw();
        await watcher.WaitForAsync(CameraLinkState.Streaming, 2, "streaming again after the server woke up", Resume);
        Assert.True(watcher.Camera.Counters.Reconnects >= 1);
        _log.AssertNoUnexpectedErrors();
    }

    public void Dispose() => _log.Dispose();

    private FfmpegCamera Camera(string url) => new(
        new CameraOptions { Name = "cam-1", Url = url, AnalysisFps = 5, AnalysisWidth = 160, ReconnectMin = TimeSpan.FromSeconds(0.2), ReconnectMax = TimeSpan.FromSeconds(2), StallTimeout = TimeSpan.FromSeconds(2) },
        "/usr/bin/ffmpeg",
        TimeProvider.System,
        _log.For<FfmpegCamera>());
}
