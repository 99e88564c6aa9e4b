using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Indicators;

/// <summary>Recomputes the days touched by new or late data every <see cref="IndicatorOptions.Interval"/>.</summary>
internal sealed partial class IndicatorService(IndicatorEngine engine, IOptions<IndicatorOptions> options, TimeProvider time, ILogger<IndicatorService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        try
        {
            do
            {
                try
                {
                    var days = await engine.RecomputeDirtyAsync(stoppingToken);
                    if (days > 0)
                    {
                        LogRecomputed(logger, days);
                    }
                }
                catch (Exception ex) when (ex is SqliteException or InvalidOperationException or System.Text.Json.JsonException)
                {
                    LogFailed(logger, ex, options.Value.Interval);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping; the dirty hours stay marked and are handled on the next start.
        }
    }

    [LoggerMessage(EventId = 500, Level = LogLevel.Debug, Message = "Recomputed {Days} daily indicator rows")]
    private static partial void LogRecomputed(ILogger logger, int days);

    [LoggerMessage(EventId = 501, Level = LogLevel.Error, Message = "Recomputing daily indicators failed; retrying in {Interval}")]
    private static partial void LogFailed(ILogger logger, Exception exception, TimeSpan interval);
}
