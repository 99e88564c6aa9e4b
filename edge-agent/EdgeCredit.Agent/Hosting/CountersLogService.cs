using EdgeCredit.Agent.Publishing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Agent.Hosting;

/// <summary>Logs the pipeline counters every status interval, connected or not.</summary>
internal sealed partial class CountersLogService(
    AgentCounters counters,
    IEnumerable<IReadOnlyList<Capture.ICameraFeed>> cameraFeeds,
    IOptions<PublishingOptions> options,
    TimeProvider time,
    ILogger<CountersLogService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.StatusInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Counters(logger, counters.OutboxDepth, counters.LastSequence, counters.Sent, counters.Acknowledged, counters.AwaitingReceipt, counters.Refused, counters.Retried, counters.Dropped, counters.Reconnects, counters.Rejected, counters.Quarantined);
                foreach (var feed in cameraFeeds.SelectMany(f => f))
                {
                    var c = feed.Counters;
                    CameraCounters(logger, feed.Camera, c.Decoded, c.Analysed, c.Dropped, c.Failed, c.Reconnects, c.Stalls);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Counters: outbox depth {OutboxDepth}, last sequence {LastSequence}, sent {Sent}, broker-acknowledged {Acknowledged}, awaiting receipt {AwaitingReceipt}, refused {Refused}, retried {Retried}, dropped {Dropped}, reconnects {Reconnects}, rejected {Rejected}, quarantined {Quarantined}")]
    private static partial void Counters(ILogger logger, long outboxDepth, long lastSequence, long sent, long acknowledged, long awaitingReceipt, long refused, long retried, long dropped, long reconnects, long rejected, long quarantined);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Camera {Camera} counters: decoded {Decoded}, analysed {Analysed}, dropped from the full queue {Dropped}, failed {Failed}, reconnects {Reconnects}, stalls {Stalls}")]
    private static partial void CameraCounters(ILogger logger, string camera, long decoded, long analysed, long dropped, long failed, long reconnects, long stalls);
}
