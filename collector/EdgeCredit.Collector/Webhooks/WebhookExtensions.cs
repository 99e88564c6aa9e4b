using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Webhooks;

internal static class WebhookExtensions
{
    /// <summary>Registers subscriptions, the publisher and the dispatcher (section <c>Webhooks</c>).</summary>
    public static IHostApplicationBuilder AddWebhooks(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptionsWithValidateOnStart<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName);
        builder.Services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();
        builder.Services.AddSingleton<WebhookStore>();
        builder.Services.AddSingleton<WebhookWake>();
        builder.Services.AddSingleton<WebhookPublisher>();
        builder.Services.AddSingleton<WebhookDispatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        return builder;
    }
}
