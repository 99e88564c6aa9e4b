using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EdgeCredit.Agent.Signals;

internal static class SignalsExtensions
{
    /// <summary>Registers the per-window aggregation that turns meter samples into signal batches in the outbox.</summary>
    public static IHostApplicationBuilder AddSignals(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHostedService<SignalWindowService>();
        return builder;
    }
}
