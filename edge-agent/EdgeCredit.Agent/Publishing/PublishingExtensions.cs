using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Agent.Publishing;

internal static class PublishingExtensions
{
    /// <summary>Registers the MQTT publisher (section <c>Publishing</c>).</summary>
    public static IHostApplicationBuilder AddPublishing(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptionsWithValidateOnStart<PublishingOptions>().BindConfiguration(PublishingOptions.SectionName);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PublishingOptions>, PublishingOptionsValidator>());
        builder.Services.AddHostedService<PublisherService>();
        return builder;
    }
}
