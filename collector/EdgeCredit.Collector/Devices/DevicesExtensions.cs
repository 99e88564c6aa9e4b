using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Devices;

internal static class DevicesExtensions
{
    /// <summary>Registers the device registry (section <c>Registry</c>).</summary>
    public static IHostApplicationBuilder AddDevices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptionsWithValidateOnStart<RegistryOptions>().BindConfiguration(RegistryOptions.SectionName);
        builder.Services.AddSingleton<IValidateOptions<RegistryOptions>, RegistryOptionsValidator>();
        builder.Services.AddSingleton<DeviceRegistry>();
        return builder;
    }
}
