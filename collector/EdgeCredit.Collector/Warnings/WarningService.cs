using EdgeCredit.Collector.Devices;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Warnings;

/// <summary>Re-evaluates every registered enterprise's warnings at <see cref="WarningOptions.Interval"/>.</summary>
internal sealed partial class WarningService(WarningEngine engine, DeviceRegistry registry, IOptions<WarningOptions> options, TimeProvider time, ILogger<WarningService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var enterprise in registry.Enterprises)
            {
                try
                {
                    foreach (var change in await engine.EvaluateAsync(enterprise.Id, stoppingToken).ConfigureAwait(false))
                    {
                        LogChange(logger, enterprise.Id, change);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(logger, ex, enterprise.Id);
                }
            }

            await Task.Delay(options.Value.Interval, time, stoppingToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 950, Level = LogLevel.Information, Message = "Warnings of {Enterprise}: {Change}")]
    private static partial void LogChange(ILogger logger, string enterprise, string change);

    [LoggerMessage(EventId = 951, Level = LogLevel.Error, Message = "Evaluating the warnings of {Enterprise} failed; the service keeps running")]
    private static partial void LogFailed(ILogger logger, Exception exception, string enterprise);
}
