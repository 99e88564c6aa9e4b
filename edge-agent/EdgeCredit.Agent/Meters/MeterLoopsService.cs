using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeCredit.Agent.Meters;

/// <summary>
/// Runs the loop of every polled meter side by side, so that one meter's trouble (a dead Modbus slave, a missing
/// GPIO chip) never holds up another. A loop that throws is logged and restarted after <see cref="RestartDelay"/>;
/// meanwhile that meter's readings turn stale on their own.
/// </summary>
internal sealed class MeterLoopsService(MeterSet meters, TimeProvider time, ILogger<MeterLoopsService> logger) : BackgroundService
{
    public static readonly TimeSpan RestartDelay = TimeSpan.FromSeconds(5);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(meters.Polled.Select(m => RunAsync(m, stoppingToken)));

    private async Task RunAsync(IPolledMeter meter, CancellationToken cancellationToken)
    {
        await Task.Yield();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await meter.RunAsync(cancellationToken);
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                MetersLog.LoopFailed(logger, ex, meter.Name, RestartDelay);
                await Task.Delay(RestartDelay, time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
