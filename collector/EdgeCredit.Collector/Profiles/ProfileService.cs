using EdgeCredit.Collector.Devices;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Profiles;

/// <summary>Rebuilds and stores every registered enterprise's profile at <see cref="ProfileOptions.Interval"/>.</summary>
internal sealed partial class ProfileService(ProfileComposer composer, DeviceRegistry registry, IOptions<ProfileOptions> options, TimeProvider time, ILogger<ProfileService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var enterprise in registry.Enterprises)
            {
                try
                {
                    await composer.BuildAsync(enterprise.Id, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(logger, ex, enterprise.Id);
                }
            }

            await Task.Delay(options.Value.Interval, time, stoppingToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 970, Level = LogLevel.Error, Message = "Building the credit profile of {Enterprise} failed; the service keeps running")]
    private static partial void LogFailed(ILogger logger, Exception exception, string enterprise);
}
