using EdgeCredit.Agent.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Agent.Outbox;

internal static class OutboxExtensions
{
    public const string FileName = "outbox.db";

    /// <summary>Registers the durable outbox at <c>{Agent:DataDirectory}/outbox.db</c> (relative to the content root).</summary>
    public static IHostApplicationBuilder AddOutbox(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptionsWithValidateOnStart<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidator>());
        builder.Services.AddSingleton(sp =>
        {
            var agent = sp.GetRequiredService<IOptions<AgentOptions>>().Value;
            var contentRoot = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
            var path = Path.Combine(contentRoot, agent.DataDirectory, FileName);
            return OutboxStore.Open(
                path,
                sp.GetRequiredService<IOptions<OutboxOptions>>().Value.MaxBytes,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<AgentCounters>(),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger<OutboxStore>());
        });
        return builder;
    }
}
