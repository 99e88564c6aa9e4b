using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Agent.Meters.Clamp;

internal static class ClampMetersExtensions
{
    /// <summary>Registers section <c>Clamp</c> (validated at start) and <see cref="ClampMeterProvider"/> as an <see cref="IMeterProvider"/>.</summary>
    public static IHostApplicationBuilder AddClampMeters(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptionsWithValidateOnStart<ClampOptions>().BindConfiguration(ClampOptions.SectionName);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClampOptions>, ClampOptionsValidator>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IMeterProvider, ClampMeterProvider>());
        return builder;
    }
}
