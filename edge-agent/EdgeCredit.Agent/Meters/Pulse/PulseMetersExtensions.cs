using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Agent.Meters.Pulse;

internal static class PulseMetersExtensions
{
    /// <summary>Registers section <c>Pulse</c> (validated at start) and <see cref="PulseMeterProvider"/> as an <see cref="IMeterProvider"/>.</summary>
    public static IHostApplicationBuilder AddPulseMeters(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptionsWithValidateOnStart<PulseOptions>().BindConfiguration(PulseOptions.SectionName);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PulseOptions>, PulseOptionsValidator>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IMeterProvider, PulseMeterProvider>());
        return builder;
    }
}
