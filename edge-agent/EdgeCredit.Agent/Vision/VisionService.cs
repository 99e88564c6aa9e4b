using EdgeCredit.Agent.Capture;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeCredit.Agent.Vision;

/// <summary>
/// Runs one analysis loop per camera feed: takes each frame from the feed's bounded channel, analyses it and disposes
/// it; follows the feed's link changes (offline time). A frame that fails is logged and skipped; the loop goes on.
/// Stopping cancels both loops (the host treats that cancellation as a normal stop).
/// </summary>
internal sealed class VisionService(IReadOnlyList<ICameraFeed> feeds, VisionAnalyzers analyzers, ILogger<VisionService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(feeds.SelectMany(feed => new[]
        {
            AnalyseAsync(feed, analyzers.For(feed.Camera), stoppingToken),
            FollowLinkAsync(feed, analyzers.For(feed.Camera), stoppingToken),
        }));

    private async Task AnalyseAsync(ICameraFeed feed, CameraAnalyzer analyzer, CancellationToken cancellationToken)
    {
        await Task.Yield();
        await foreach (var frame in feed.Frames.ReadAllAsync(cancellationToken))
        {
            using (frame)
            {
                try
                {
                    analyzer.Process(frame);
                    feed.Counters.AddAnalysed();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    feed.Counters.AddFailed();
                    VisionLog.FrameFailed(logger, ex, feed.Camera, frame.Index);
                }
            }
        }
    }

    private static async Task FollowLinkAsync(ICameraFeed feed, CameraAnalyzer analyzer, CancellationToken cancellationToken)
    {
        await foreach (var change in feed.LinkChanges.ReadAllAsync(cancellationToken))
        {
            analyzer.SetLink(change);
        }
    }
}
