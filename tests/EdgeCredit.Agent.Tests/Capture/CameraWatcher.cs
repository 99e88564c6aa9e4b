using System.Collections.Concurrent;
using EdgeCredit.Agent.Capture;
using EdgeCredit.Agent.Tests.Support;

namespace EdgeCredit.Agent.Tests.Capture;

/// <summary>
/// Runs an <see cref="FfmpegCamera"/> and reads its link changes and (unless told to hold back) its frames, keeping
/// each frame's size and stamp and disposing the frame. Stopping awaits the loop and disposes the camera.
/// </summary>
internal sealed class CameraWatcher : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _run;
    private readonly Task _links;
    private readonly Task? _frames;

    public CameraWatcher(FfmpegCamera camera, bool readFrames = true)
    {
        Camera = camera;
        _run = camera.RunAsync(_stop.Token);
        _links = Task.Run(async () =>
        {
            await foreach (var change in camera.LinkChanges.ReadAllAsync())
            {
                Changes.Enqueue(change);
            }
        });
        if (readFrames)
        {
            _frames = Task.Run(async () =>
            {
                await foreach (var frame in camera.Frames.ReadAllAsync())
                {
                    Frames.Enqueue((frame.Width, frame.Height, frame.At, frame.Index, frame.Pixels.ToArray().Distinct().Count()));
                    frame.Dispose();
                }
            });
        }
    }

    public FfmpegCamera Camera { get; }

    public ConcurrentQueue<CameraLinkChange> Changes { get; } = new();

    /// <summary>Size, stamp, index and number of distinct grey levels of every frame read.</summary>
    public ConcurrentQueue<(int Width, int Height, DateTimeOffset At, long Index, int Levels)> Frames { get; } = new();

    public int Count(CameraLinkState state) => Changes.Count(c => c.State == state);

    public Task WaitForAsync(CameraLinkState state, int occurrences, string what, TimeSpan? timeout = null) =>
        Eventually.TrueAsync(() => Count(state) >= occurrences, what, timeout ?? TimeSpan.FromSeconds(30));

    public Task WaitForFramesAsync(int count, TimeSpan? timeout = null) =>
        Eventually.TrueAsync(() => Frames.Count >= count, $"{count} frames from {Camera.MaskedUrl}", timeout ?? TimeSpan.FromSeconds(30));

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _run.WaitAsync(TimeSpan.FromSeconds(20));
        await _links.WaitAsync(TimeSpan.FromSeconds(5));
        if (_frames is not null)
        {
            await _frames.WaitAsync(TimeSpan.FromSeconds(5));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_run.IsCompleted)
        {
            await StopAsync();
        }

        Camera.Dispose();
        _stop.Dispose();
    }
}
