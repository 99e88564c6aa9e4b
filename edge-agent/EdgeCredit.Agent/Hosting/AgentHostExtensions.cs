using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Agent.Hosting;

internal static class AgentHostExtensions
{
    /// <summary>Registers what every stage shares: the agent identity (section <c>Agent</c>), the clock, the counters, systemd support.</summary>
    public static IHostApplicationBuilder AddAgentCore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptionsWithValidateOnStart<AgentOptions>().BindConfiguration(AgentOptions.SectionName);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AgentOptions>, AgentOptionsValidator>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<AgentCounters>();
        builder.Services.AddHostedService<CountersLogService>();
        builder.Services.AddSystemd();
        return builder;
    }
}
