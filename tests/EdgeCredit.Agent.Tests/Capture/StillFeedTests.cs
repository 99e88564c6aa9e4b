using System.Collections.Concurrent;
using EdgeCredit.Agent.Capture;
using EdgeCredit.Agent.Tests.Support;

namespace EdgeCredit.Agent.Tests.Capture;

/// <summary>
/// A camera's stills for a second reader (a meter read by OCR), written by the camera's own ffmpeg beside its analysis
/// frames: from a file and from a real RTSP server that is killed and started again.
/// </summary>
public sealed class StillFeedTests(ITestOutputHelper output) : IDisposable
{
    private readonly TestLog _log = new(output);

    [Fact]
    public async Task RunAsync_StillAdded_AnalysisFramesAndStillsFromTheSameFfmpeg()
    {
        var clip = await TestClips.Clip640Async();
        var camera = Camera(clip);
        using var still = camera.AddStill("meter-1", 2, 640);
        using var stop = new CancellationTokenSource();
        var stills = new ConcurrentQueue<(int Width, int Height, int Levels)>();
        var reading = ReadAsync(still, stills, stop.Token);
        await using (var watcher = new CameraWatcher(camera))
        {
            await Eventually.TrueAsync(() => stills.Count >= 3, "three stills", TimeSpan.FromSeconds(20));
            await watcher.WaitForFramesAsync(10);

            // One ffmpeg writes both: its command line names the still's file.
            var cmdline = await File.ReadAllTextAsync($"/proc/{camera.FfmpegPid}/cmdline");
            Assert.Contains(still.Output.Path, cmdline, StringComparison.Ordinal);
            Assert.All(watcher.Frames, f => Assert.Equal((320, 180), (f.Width, f.Height)));
        }

        await stop.CancelAsync();
        await reading.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.All(stills, s => Assert.Equal((640, 360), (s.Width, s.Height)));
        Assert.All(stills, s => Assert.True(s.Levels > 50, $"a still of {s.Levels} grey levels: not a picture of the clip"));
        Assert.True(still.Counters.Decoded >= 3);
        _log.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task RunAsync_ServerKilledAndRestarted_NoStillWhileOfflineThenStillsAgain()
    {
        var clip = await TestClips.Clip640Async();
        var server = await StreamServerProcess.StartAsync("rtsp_server.py", 0, "--file", clip);
        try
        {
            var camera = Camera(server.RtspUrl);
            using var still = camera.AddStill("meter-1", 2, 640);
            using var stop = new CancellationTokenSource();
            var stills = new ConcurrentQueue<(int Width, int Height, int Levels)>();
            var reading = ReadAsync(still, stills, stop.Token);
            await using var watcher = new CameraWatcher(camera);
            await Eventually.TrueAsync(() => stills.Count >= 2, "stills while streaming", TimeSpan.FromSeconds(30));

            await server.KillAsync();
            await watcher.WaitForAsync(CameraLinkState.Offline, 1, "offline after the server was killed");
            await Task.Yield();
            var offlineAt = stills.Count;
            var port = server.Port;
            await server.DisposeAsync();
            await Task.Delay(TimeSpan.FromSeconds(2)); // the outage itself: four still intervals with no camera
            Assert.True(stills.Count <= offlineAt + 1, $"{stills.Count - offlineAt} stills while offline"); // one may have been written as the link dropped

            server = await StreamServerProcess.StartAsync("rtsp_server.py", port, "--file", clip);
            var before = stills.Count;
            await watcher.WaitForAsync(CameraLinkState.Streaming, 2, "streaming again after the restart", TimeSpan.FromSeconds(30));
            await Eventually.TrueAsync(() => stills.Count >= before + 2, "stills again after the restart", TimeSpan.FromSeconds(20));

            await stop.CancelAsync();
            await reading.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.All(stills, s => Assert.Equal((640, 360), (s.Width, s.Height)));
            _log.AssertNoUnexpectedErrors();
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task AddStill_CameraAlreadyRuns_ThrowsNamingTheCamera()
    {
        var clip = await TestClips.Clip640Async();
        await using var watcher = new CameraWatcher(Camera(clip));

        var error = Assert.Throws<InvalidOperationException>(() => watcher.Camera.AddStill("meter-1", 2, 640));

        Assert.Contains("cam-1", error.Message, StringComparison.Ordinal);
        Assert.Empty(watcher.Camera.Stills);
    }

    [Fact]
    public async Task Dispose_StillWritten_FileDeleted()
    {
        var clip = await TestClips.Clip640Async();
        var camera = Camera(clip);
        var still = camera.AddStill("meter-1", 5, 320);
        await using (var watcher = new CameraWatcher(camera, readFrames: false))
        {
            await Eventually.TrueAsync(() => File.Exists(still.Output.Path), "the still's file", TimeSpan.FromSeconds(20));
        }

        still.Dispose();

        Assert.False(File.Exists(still.Output.Path));
    }

    public void Dispose() => _log.Dispose();

    private static Task ReadAsync(StillFeed still, ConcurrentQueue<(int Width, int Height, int Levels)> stills, CancellationToken stop)
    {
        var run = still.RunAsync(stop);
        var read = Task.Run(async () =>
        {
            await foreach (var frame in still.Frames.ReadAllAsync(CancellationToken.None))
            {
                stills.Enqueue((frame.Width, frame.Height, frame.Pixels.ToArray().Distinct().Count()));
                frame.Dispose();
            }
        }, CancellationToken.None); // reads until the feed completes its frames
        return Task.WhenAll(run, read);
    }

    private FfmpegCamera Camera(string url) => new(
        new CameraOptions { Name = "cam-1", Url = url, AnalysisFps = 5, AnalysisWidth = 320, ReconnectMin = TimeSpan.FromSeconds(0.2), ReconnectMax = TimeSpan.FromSeconds(2), StallTimeout = TimeSpan.FromSeconds(2) },
        "/usr/bin/ffmpeg",
        TimeProvider.System,
        _log.For<FfmpegCamera>());
}
