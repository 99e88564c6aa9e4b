using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Broker;

internal static class BrokerExtensions
{
    /// <summary>Registers the embedded broker or the external broker client, by Broker:Mode, and the receipt publisher that uses it.</summary>
    public static IHostApplicationBuilder AddBroker(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptionsWithValidateOnStart<BrokerOptions>().BindConfiguration(BrokerOptions.SectionName);
        builder.Services.AddSingleton<IValidateOptions<BrokerOptions>, BrokerOptionsValidator>();
        builder.Services.AddSingleton<BrokerReadiness>();

        // The mode is read from configuration here because it decides which services exist; the validator checks it at start.
        var text = builder.Configuration[$"{BrokerOptions.SectionName}:{nameof(BrokerOptions.Mode)}"];
        var mode = Enum.TryParse<BrokerMode>(text, ignoreCase: true, out var parsed) ? parsed : BrokerMode.Embedded;
        if (mode == BrokerMode.External)
        {
            AddTransport<ExternalBrokerClient>(builder.Services);
        }
        else
        {
            AddTransport<EmbeddedBroker>(builder.Services);
        }

        // After the broker, so it stops before it: receipts still queued then are simply not sent.
        builder.Services.AddHostedService<ReceiptPublisher>();

        return builder;
    }

    private static void AddTransport<T>(IServiceCollection services)
        where T : class, IHostedService, IReceiptTransport
    {
        services.AddSingleton<T>();
        services.AddHostedService(sp => sp.GetRequiredService<T>());
        services.AddSingleton<IReceiptTransport>(sp => sp.GetRequiredService<T>());
    }
}
