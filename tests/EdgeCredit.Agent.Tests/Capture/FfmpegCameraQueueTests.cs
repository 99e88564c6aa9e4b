using EdgeCredit.Agent.Capture;
using EdgeCredit.Agent.Tests.Support;

namespace EdgeCredit.Agent.Tests.Capture;

/// <summary>A reader slower than the camera: the oldest frames are dropped, disposed and counted; no frame leaks.</summary>
public sealed class FfmpegCameraQueueTests(ITestOutputHelper output) : IDisposable
{
    private readonly TestLog _log = new(output);

    [Fact]
    public async Task RunAsync_SlowReader_OldestDroppedCountedAndDisposed()
    {
        var clip = await TestClips.Clip640Async();
        var options = new CameraOptions { Name = "cam-1", Url = clip, FileRealTime = false, AnalysisFps = 30, AnalysisWidth = 160, QueueCapacity = 4, ReconnectMin = TimeSpan.FromSeconds(0.1), ReconnectMax = TimeSpan.FromSeconds(0.2) };
        using var camera = new FfmpegCamera(options, "/usr/bin/ffmpeg", TimeProvider.System, _log.For<FfmpegCamera>());
        var dropped = new List<CameraFrame>();
        camera.FrameDropped = f =>
        {
            lock (dropped)
            {
                dropped.Add(f);
            }
        };
        using var stop = new CancellationTokenSource();
        var run = camera.RunAsync(stop.Token);

        // Nothing reads until 40 frames were decoded: all but the newest 4 must have been dropped.
        await Eventually.TrueAsync(() => camera.Counters.Decoded >= 40, "40 frames decoded");
        var taken = new List<CameraFrame>();
        while (taken.Count < 3 && await camera.Frames.WaitToReadAsync())
        {
            if (camera.Frames.TryRead(out var frame))
            {
                taken.Add(frame);
                frame.Dispose();
            }
        }

        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
        await foreach (var frame in camera.Frames.ReadAllAsync())
        {
            taken.Add(frame);
            frame.Dispose();
        }

        var counters = camera.Counters;
        Assert.True(counters.Dropped >= 36 - 3, $"dropped {counters.Dropped} of {counters.Decoded}");
        Assert.Equal(counters.Decoded, counters.Dropped + taken.Count);
        lock (dropped)
        {
            Assert.Equal(counters.Dropped, dropped.Count);
            Assert.All(dropped, f => Assert.Throws<ObjectDisposedException>(() => f.Buffer));
        }

        // The oldest went first: when reading began (40 or more decoded) the queue held only the newest 4.
        Assert.True(taken[0].Index >= 36, $"first frame read is #{taken[0].Index}");
        Assert.Equal(taken.Select(f => f.Index).Order(), taken.Select(f => f.Index));
        Assert.All(taken, f => Assert.Throws<ObjectDisposedException>(() => f.Buffer));
        _log.AssertNoUnexpectedErrors();
    }

    public void Dispose() => _log.Dispose();
}
