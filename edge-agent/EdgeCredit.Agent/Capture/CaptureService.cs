using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeCredit.Agent.Capture;

/// <summary>
/// Runs every camera's capture loop side by side, so that one camera's trouble (offline, stalled, slow) never holds up
/// another; each loop catches its own failures and retries. On stop every ffmpeg child is killed and reaped.
/// </summary>
internal sealed class CaptureService(CameraSet cameras, ILogger<CaptureService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (cameras.Cameras.Count == 0)
        {
            return Task.CompletedTask;
        }

        var names = string.Join(", ", cameras.Cameras.Select(c => c.Camera));
        CaptureLog.Cameras(logger, cameras.Cameras.Count, names);
        return Task.WhenAll(cameras.Cameras.Select(async c =>
        {
            await Task.Yield();
            await c.RunAsync(stoppingToken);
        }));
    }
}
